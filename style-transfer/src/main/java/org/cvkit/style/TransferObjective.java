package org.cvkit.style;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cvkit.style.loss.ContentLoss;
import org.cvkit.style.loss.FeatureLoss;
import org.cvkit.style.loss.LossValues;
import org.cvkit.style.loss.LossWeights;
import org.cvkit.style.loss.StyleLoss;
import org.cvkit.style.loss.TotalVariationLoss;
import org.cvkit.style.network.ForwardPass;
import org.cvkit.style.network.LossNetwork;
import org.cvkit.style.network.StyleLayer;
import org.cvkit.style.optim.Evaluation;
import org.cvkit.style.optim.Objective;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gatys et al.'s objective for one content and one style image of fixed sizes:
 * {@code J(G) = alpha J_content(C, G) + beta sum_l w_l J_style,l(S, G) + tv J_tv(G)}. The targets (the content
 * image's activations at the content layer, the style image's normalized Gram matrices at the style layers) are
 * computed once; each evaluation runs the loss network forward, takes the feature gradients of the loss terms and
 * back-propagates them through the network to the image.
 */
public final class TransferObjective implements Objective, AutoCloseable {

    private final LossNetwork network;
    private final LossWeights weights;
    private final ContentLoss content;
    private final List<StyleLoss> style = new ArrayList<>();

    /**
     * @param network      the loss network
     * @param contentImage the content image {@code [1, 3, H, W]}, values in [0, 1]
     * @param styleImage   the style image {@code [1, 3, H', W']}, values in [0, 1], of any size
     * @param weights      the weights of the three terms
     * @throws IllegalArgumentException if an image is too small for the network or gives no activations
     */
    public TransferObjective(LossNetwork network, INDArray contentImage, INDArray styleImage, LossWeights weights) {
        this.network = Objects.requireNonNull(network, "network");
        this.weights = Objects.requireNonNull(weights, "weights");
        try (ForwardPass pass = network.forward(contentImage)) {
            this.content = new ContentLoss(pass.feature(network.contentLayer()));
        }
        try (ForwardPass pass = network.forward(styleImage)) {
            for (StyleLayer layer : network.styleLayers()) {
                style.add(new StyleLoss(pass.feature(layer.name())));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public Evaluation evaluate(INDArray image) {
        try (ForwardPass pass = network.forward(image);
             FeatureLoss variation = TotalVariationLoss.evaluate(image)) {
            Map<String, INDArray> featureGradients = new HashMap<>();
            FeatureLoss contentLoss = content.evaluate(pass.feature(network.contentLayer()));
            featureGradients.put(network.contentLayer(), contentLoss.gradient().muli(weights.content()));
            double styleLoss = 0;
            for (int i = 0; i < style.size(); i++) {
                StyleLayer layer = network.styleLayers().get(i);
                FeatureLoss loss = style.get(i).evaluate(pass.feature(layer.name()));
                styleLoss += layer.weight() * loss.value();
                featureGradients.merge(layer.name(), loss.gradient().muli(weights.style() * layer.weight()),
                        (sum, term) -> {
                            sum.addi(term);
                            term.close();
                            return sum;
                        });
            }
            INDArray gradient = pass.backward(featureGradients);
            gradient.addi(variation.gradient().muli(weights.totalVariation()));
            return new Evaluation(weights.combine(contentLoss.value(), styleLoss, variation.value()), gradient);
        }
    }

    /**
     * The losses alone, from a forward pass without back-propagation.
     *
     * @param image the image {@code [1, 3, H, W]}, values in [0, 1]
     * @return its losses
     */
    public LossValues losses(INDArray image) {
        try (ForwardPass pass = network.forward(image);
             FeatureLoss variation = TotalVariationLoss.evaluate(image);
             FeatureLoss contentLoss = content.evaluate(pass.feature(network.contentLayer()))) {
            double styleLoss = 0;
            for (int i = 0; i < style.size(); i++) {
                StyleLayer layer = network.styleLayers().get(i);
                try (FeatureLoss loss = style.get(i).evaluate(pass.feature(layer.name()))) {
                    styleLoss += layer.weight() * loss.value();
                }
            }
            return weights.combine(contentLoss.value(), styleLoss, variation.value());
        }
    }

    /** Releases the targets. */
    @Override
    public void close() {
        if (content != null) {
            content.close();
        }
        style.forEach(StyleLoss::close);
    }
}
