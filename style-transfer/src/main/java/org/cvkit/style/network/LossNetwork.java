package org.cvkit.style.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.cvkit.core.image.ImageTensorFormat;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A loss network for style transfer: any DL4J computation graph with one image input, the format its input expects,
 * the layer whose activations define content, and the weighted layers whose Gram matrices define style.
 *
 * <p>Images enter as RGB tensors {@code [1, 3, H, W]} with values in [0, 1]; the network converts them to its
 * input format and converts gradients back, so optimizers and losses never see the format. Only the vertices the
 * feature layers depend on are computed. A network is not thread-safe: its layers keep the latest pass's inputs.
 */
public final class LossNetwork {

    /** Smallest image side unless {@link Builder#optMinimumSide(int)} sets another. */
    public static final int DEFAULT_MINIMUM_SIDE = 32;

    private final String name;
    private final ComputationGraph graph;
    private final ImageTensorFormat inputFormat;
    private final String contentLayer;
    private final List<StyleLayer> styleLayers;
    private final int minimumSide;
    private final GraphPlan plan;
    private final InputConversion conversion;
    private final DataType dataType;

    private LossNetwork(Builder builder) {
        this.name = builder.name;
        this.graph = builder.graph;
        this.inputFormat = builder.inputFormat;
        this.contentLayer = builder.contentLayer;
        this.styleLayers = builder.styleLayers;
        this.minimumSide = builder.minimumSide;
        Set<String> layers = new LinkedHashSet<>();
        layers.add(contentLayer);
        styleLayers.forEach(layer -> layers.add(layer.name()));
        this.plan = GraphPlan.of(graph, layers);
        this.conversion = new InputConversion(inputFormat);
        this.dataType = graph.params().dataType();
        if (graph.getFlattenedGradients() == null) {
            graph.initGradientsView();
        }
    }

    /**
     * @param name         a short name for messages and reports, for example {@code vgg16-imagenet}
     * @param graph        an initialized graph with one image input; its weights are not changed
     * @param inputFormat  channel order and normalization the graph's input expects
     * @param contentLayer the layer whose activations the content loss compares
     * @param styleLayers  the layers whose Gram matrices the style loss compares, with weights; at least one
     * @return a builder for optional settings
     */
    public static Builder builder(String name, ComputationGraph graph, ImageTensorFormat inputFormat,
                                  String contentLayer, List<StyleLayer> styleLayers) {
        return new Builder(name, graph, inputFormat, contentLayer, styleLayers);
    }

    /**
     * The same graph with another choice of feature layers.
     *
     * @param content the content layer
     * @param style   the weighted style layers, at least one
     * @return a new loss network sharing this one's graph (so the two must not be used at the same time)
     * @throws IllegalArgumentException if a layer does not exist in the graph
     */
    public LossNetwork withLayers(String content, List<StyleLayer> style) {
        return builder(name, graph, inputFormat, content, style).optMinimumSide(minimumSide).build();
    }

    /**
     * Runs the graph up to the feature layers.
     *
     * @param image an RGB image {@code [1, 3, H, W]} with values in [0, 1], both sides at least
     *              {@link #minimumSide()}
     * @return the pass, to read features from and go backward; close it before the next pass
     * @throws IllegalArgumentException if the image is not {@code [1, 3, H, W]} or is too small
     * @throws IllegalStateException    if another pass is open on this thread
     */
    public ForwardPass forward(INDArray image) {
        long[] shape = image.shape();
        if (shape.length != 4 || shape[0] != 1 || shape[1] != 3) {
            throw new IllegalArgumentException("a loss network takes one RGB image [1, 3, H, W] but got shape "
                    + Arrays.toString(shape));
        }
        if (shape[2] < minimumSide || shape[3] < minimumSide) {
            throw new IllegalArgumentException(name + " needs images of at least " + minimumSide + "x" + minimumSide
                    + " pixels but got " + shape[3] + "x" + shape[2] + "; use a larger size or fewer scales");
        }
        return new ForwardPass(this, image);
    }

    /** @return the name given at construction */
    public String name() {
        return name;
    }

    /** @return the graph */
    public ComputationGraph graph() {
        return graph;
    }

    /** @return the format of the graph's input */
    public ImageTensorFormat inputFormat() {
        return inputFormat;
    }

    /** @return the content layer */
    public String contentLayer() {
        return contentLayer;
    }

    /** @return the weighted style layers */
    public List<StyleLayer> styleLayers() {
        return styleLayers;
    }

    /** @return the smallest image side the network accepts */
    public int minimumSide() {
        return minimumSide;
    }

    GraphPlan plan() {
        return plan;
    }

    InputConversion conversion() {
        return conversion;
    }

    DataType dataType() {
        return dataType;
    }

    @Override
    public String toString() {
        return name + "[content " + contentLayer + ", style " + styleLayers + "]";
    }

    /** Collects the optional settings of a {@link LossNetwork}. */
    public static final class Builder {

        private final String name;
        private final ComputationGraph graph;
        private final ImageTensorFormat inputFormat;
        private final String contentLayer;
        private final List<StyleLayer> styleLayers;
        private int minimumSide = DEFAULT_MINIMUM_SIDE;

        private Builder(String name, ComputationGraph graph, ImageTensorFormat inputFormat, String contentLayer,
                        List<StyleLayer> styleLayers) {
            this.name = Objects.requireNonNull(name, "name");
            this.graph = Objects.requireNonNull(graph, "graph");
            this.inputFormat = Objects.requireNonNull(inputFormat, "inputFormat");
            this.contentLayer = Objects.requireNonNull(contentLayer, "contentLayer");
            this.styleLayers = List.copyOf(new ArrayList<>(styleLayers));
            if (this.styleLayers.isEmpty()) {
                throw new IllegalArgumentException("a loss network needs at least one style layer");
            }
            if (this.styleLayers.stream().map(StyleLayer::name).distinct().count() != this.styleLayers.size()) {
                throw new IllegalArgumentException("style layers must be distinct but are " + this.styleLayers);
            }
        }

        /**
         * @param side the smallest image side the graph accepts up to its deepest feature layer, positive
         *             (default {@value #DEFAULT_MINIMUM_SIDE})
         * @return this builder
         */
        public Builder optMinimumSide(int side) {
            if (side < 1) {
                throw new IllegalArgumentException("the minimum side must be positive but is " + side);
            }
            this.minimumSide = side;
            return this;
        }

        /**
         * @return the loss network
         * @throws IllegalArgumentException if a layer does not exist, the graph does not have exactly one input, a
         *                                  needed layer is a batch normalization, or the format is not for colour
         */
        public LossNetwork build() {
            return new LossNetwork(this);
        }
    }
}
