package org.cvkit.core.arch;

import java.util.Objects;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.activations.Activation;

/**
 * VGG-16 and VGG-19 (Simonyan and Zisserman 2014): five blocks of 3x3 convolutions (stride 1, padding 1, ReLU)
 * with 64, 128, 256, 512 and 512 filters, each block closed by 2x2 max pooling with stride 2, then the "top":
 * two fully connected ReLU layers of 4096 units with dropout 0.5 and a softmax.
 *
 * <p>Layers are named as in Keras ({@code block1_conv1} ... {@code block5_pool}, {@code fc1}, {@code fc2},
 * {@code predictions}) so Keras weights can be matched by name. Without the top the network ends with
 * {@code block5_pool}, a 7x7x512 map on 224x224 input, for feature extraction (style transfer's loss network);
 * such a configuration has no output layer and is used with {@code output}/{@code feedForward}, not trained.
 * Parameters with 1000 classes: VGG-16 138,357,544, VGG-19 143,667,240; VGG-16 without the top 14,714,688.
 */
public final class Vgg {

    private static final int[] BLOCK_FILTERS = {64, 128, 256, 512, 512};
    private static final int TOP_UNITS = 4096;
    private static final double TOP_DROPOUT_RETAIN = 0.5;

    private Vgg() {
    }

    /** The two depths of the paper's configurations D and E. */
    public enum Depth {
        /** Configuration D: 2, 2, 3, 3, 3 convolutions per block. */
        VGG_16(2, 2, 3, 3, 3),
        /** Configuration E: 2, 2, 4, 4, 4 convolutions per block. */
        VGG_19(2, 2, 4, 4, 4);

        private final int[] convsPerBlock;

        Depth(int... convsPerBlock) {
            this.convsPerBlock = convsPerBlock;
        }
    }

    /**
     * @param depth VGG-16 or VGG-19
     * @return a builder for 224x224x3 input with the 1000-class top unless set otherwise
     */
    public static Builder builder(Depth depth) {
        return new Builder(Objects.requireNonNull(depth, "depth must not be null; use Depth.VGG_16 or Depth.VGG_19"));
    }

    /** Collects the input size and whether (and for how many classes) to add the top. */
    public static final class Builder extends ImageNetArchitectureBuilder<Builder, MultiLayerConfiguration> {

        private final Depth depth;
        private boolean includeTop = true;

        private Builder(Depth depth) {
            super("VGG");
            this.depth = depth;
        }

        /**
         * @param include whether to add the fully connected top (default true); without it the network ends with
         *                the last pooling
         * @return this builder
         */
        public Builder optIncludeTop(boolean include) {
            this.includeTop = include;
            return this;
        }

        /**
         * Builds the configuration: the five convolution blocks and, unless left out, the top.
         *
         * @throws IllegalArgumentException if classes were set for a network without the top
         */
        @Override
        public MultiLayerConfiguration build() {
            if (classesSet() && !includeTop) {
                throw new IllegalArgumentException("optClasses(" + classes() + ") needs the top, but optIncludeTop(false)"
                        + " leaves it out; drop one of the two calls");
            }
            NeuralNetConfiguration.ListBuilder layers = Layers.defaults(seed(), updater()).list();
            for (int block = 0; block < BLOCK_FILTERS.length; block++) {
                String prefix = "block" + (block + 1);
                for (int conv = 1; conv <= depth.convsPerBlock[block]; conv++) {
                    layers.layer(Layers.conv(prefix + "_conv" + conv, BLOCK_FILTERS[block], 3, 1, 1,
                            Activation.RELU));
                }
                layers.layer(Layers.maxPool(prefix + "_pool", 2, 2, 0));
            }
            if (includeTop) {
                layers.layer(Layers.denseWithDropout("fc1", TOP_UNITS, TOP_DROPOUT_RETAIN))
                        .layer(Layers.denseWithDropout("fc2", TOP_UNITS, TOP_DROPOUT_RETAIN))
                        .layer(Layers.softmaxOutput("predictions", classes()));
            }
            return layers.setInputType(inputType()).build();
        }
    }
}
