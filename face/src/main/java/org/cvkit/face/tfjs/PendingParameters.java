package org.cvkit.face.tfjs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.cvkit.core.arch.SplitSeparableConvolution;
import org.cvkit.zoo.format.WeightTensor;
import org.deeplearning4j.nn.api.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Parameters converted from TensorFlow.js weights while a network is configured, kept by layer name and key
 * until the network is initialized, then copied into it.
 *
 * <p>Public only so that the face packages share it; it is not part of the module's API.
 */
public final class PendingParameters {

    private static final String WEIGHTS = "W";
    private static final String BIAS = "b";

    private final Map<String, Map<String, INDArray>> byLayer = new LinkedHashMap<>();

    /**
     * @param layer the layer's name
     * @param key   the DL4J parameter key, e.g. {@code W}
     * @param value the values in DL4J layout; this object owns them from now on
     * @return this
     */
    public PendingParameters put(String layer, String key, INDArray value) {
        byLayer.computeIfAbsent(layer, name -> new LinkedHashMap<>()).put(key, Objects.requireNonNull(value, key));
        return this;
    }

    /**
     * A layer's weights {@code W} and, when not null, its bias {@code b}.
     *
     * @param layer   the layer's name
     * @param weights the weights in DL4J layout
     * @param bias    the bias {@code [1, out]}, or null for a layer without one
     * @return this
     */
    public PendingParameters weightsAndBias(String layer, INDArray weights, INDArray bias) {
        put(layer, WEIGHTS, weights);
        return bias == null ? this : put(layer, BIAS, bias);
    }

    /**
     * The tensors {@code prefix/depthwise_filter [3, 3, in, 1]}, {@code prefix/pointwise_filter [1, 1, in, out]}
     * and {@code prefix/bias [out]} of a TF.js separable convolution, for the two layers of a
     * {@link SplitSeparableConvolution} named {@code layer}.
     *
     * @param weights the model's tensors by name
     * @param prefix  the TF.js layer name
     * @param layer   the name of the split pair (its pointwise layer)
     * @param in      input channels
     * @param out     output channels
     * @return this
     * @throws org.cvkit.zoo.format.ModelFormatException if a tensor is missing or has the wrong shape
     */
    public PendingParameters separable(Map<String, WeightTensor> weights, String prefix, String layer, int in,
                                       int out) {
        // TF's depthwise layout [kh, kw, in, multiplier] is already DL4J DepthwiseConvolution2D's.
        put(SplitSeparableConvolution.depthwiseName(layer), WEIGHTS,
                TfjsLayout.require(weights, prefix + "/depthwise_filter", 3, 3, in, 1).toNdArray());
        return weightsAndBias(layer,
                TfjsLayout.kernel(TfjsLayout.require(weights, prefix + "/pointwise_filter", 1, 1, in, out)),
                TfjsLayout.bias(TfjsLayout.require(weights, prefix + "/bias", out)));
    }

    /**
     * Copies every parameter into the initialized network's layers and releases the values.
     *
     * @param layers the network's layers by name, e.g. {@code network::getLayer}
     */
    public void assignTo(Function<String, Layer> layers) {
        byLayer.forEach((name, parameters) -> {
            Layer layer = Objects.requireNonNull(layers.apply(name), () -> "no layer named " + name);
            parameters.forEach((key, value) -> {
                try (value) {
                    layer.getParam(key).assign(value);
                }
            });
        });
        byLayer.clear();
    }
}
