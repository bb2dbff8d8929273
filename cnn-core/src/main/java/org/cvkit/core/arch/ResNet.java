package org.cvkit.core.arch;

import java.util.Objects;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;

/**
 * ResNet-18, -34 and -50 (He et al. 2015) as torchvision builds them, as a DL4J computation graph:
 *
 * <pre>
 * input -> 7x7/2 conv 64 - BN - ReLU -> 3x3/2 max pool
 *       -> 4 stages of residual blocks, widths 64, 128, 256, 512 (stages 2-4 start with stride 2)
 *       -> global average pooling -> fully connected softmax
 * </pre>
 *
 * <p>Convolutions have no biases (batch normalization's beta takes their place), so the trainable parameters
 * are torchvision's published counts: ResNet-18 11,689,512, ResNet-34 21,797,672, ResNet-50 25,557,032 with 1000
 * classes ({@link NetworkParameters#trainable()}). DL4J also stores the running mean and variance of each
 * batch-normalization layer as parameters. The graph's input is {@code "input"}, its output {@code "fc"}.
 */
public final class ResNet {

    private ResNet() {
    }

    /** The depths this class builds, with their block design and blocks per stage. */
    public enum Depth {
        /** Basic blocks 2, 2, 2, 2. */
        RESNET_18(ResidualBlock.Kind.BASIC, 2, 2, 2, 2),
        /** Basic blocks 3, 4, 6, 3. */
        RESNET_34(ResidualBlock.Kind.BASIC, 3, 4, 6, 3),
        /** Bottleneck blocks 3, 4, 6, 3. */
        RESNET_50(ResidualBlock.Kind.BOTTLENECK, 3, 4, 6, 3);

        private final ResidualBlock.Kind kind;
        private final int[] blocksPerStage;

        Depth(ResidualBlock.Kind kind, int... blocksPerStage) {
            this.kind = kind;
            this.blocksPerStage = blocksPerStage;
        }
    }

    /**
     * @param depth which ResNet to build
     * @return a builder for 224x224x3 input and 1000 classes unless set otherwise
     */
    public static Builder builder(Depth depth) {
        return new Builder(Objects.requireNonNull(depth, "depth must not be null; use for example Depth.RESNET_18"));
    }

    /** Collects the input size and the number of classes. */
    public static final class Builder extends ImageNetArchitectureBuilder<Builder, ComputationGraphConfiguration> {

        private static final int STEM_FILTERS = 64;

        private final Depth depth;

        private Builder(Depth depth) {
            super("ResNet");
            this.depth = depth;
        }

        @Override
        public ComputationGraphConfiguration build() {
            ComputationGraphConfiguration.GraphBuilder graph = Layers.defaults(seed(), updater())
                    .graphBuilder()
                    .addInputs("input");
            String stem = Layers.convBatchNorm(graph, "stem", "input", STEM_FILTERS, 7, 2, true);
            graph.addLayer("stem_pool", Layers.maxPool("stem_pool", 3, 2, 1), stem);
            String output = "stem_pool";
            int depthSoFar = STEM_FILTERS;
            for (int stage = 0; stage < depth.blocksPerStage.length; stage++) {
                for (int block = 0; block < depth.blocksPerStage[stage]; block++) {
                    int stride = stage > 0 && block == 0 ? 2 : 1;
                    ResidualBlock residual = new ResidualBlock(depth.kind, depthSoFar, STEM_FILTERS << stage, stride);
                    output = residual.addTo(graph, "layer" + (stage + 1) + "_" + block, output);
                    depthSoFar = residual.outputChannels();
                }
            }
            graph.addLayer("avgpool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), output);
            graph.addLayer("fc", Layers.softmaxOutput("fc", classes()), "avgpool");
            return graph.setOutputs("fc")
                    .setInputTypes(inputType())
                    .build();
        }
    }
}
