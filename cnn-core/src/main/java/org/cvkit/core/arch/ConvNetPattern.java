package org.cvkit.core.arch;

import java.util.Arrays;
import java.util.Objects;
import org.cvkit.core.arithmetic.ConvArithmetic;
import org.cvkit.core.arithmetic.ConvSpec;
import org.cvkit.core.arithmetic.InvalidGeometryException;
import org.cvkit.core.arithmetic.PoolSpec;
import org.cvkit.core.arithmetic.VolumeShape;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.linalg.activations.Activation;

/**
 * The course's generic architecture {@code INPUT -> [[CONV -> RELU]*N -> POOL?]*M -> [FC -> RELU]*K -> FC}
 * (softmax), for example {@code INPUT -> [CONV->RELU->CONV->RELU->POOL]*3 -> [FC->RELU]*2 -> FC}:
 *
 * <pre>{@code
 * MultiLayerConfiguration conf = ConvNetPattern.builder(32, 32, 3, 10)
 *         .convsPerStage(2).stages(3).filters(32, 64, 128)
 *         .hiddenDense(2, 256)
 *         .build();
 * }</pre>
 *
 * <p>Convolutions are stride 1 with "same" padding {@code P = (F - 1) / 2}, so only pooling shrinks the image;
 * pooling is 2x2 max pooling with stride 2 unless set otherwise. {@link Builder#build()} walks the image size
 * through every stage with the course's arithmetic and names the stage whose pooling does not fit.
 */
public final class ConvNetPattern {

    private ConvNetPattern() {
    }

    /**
     * Starts a pattern for images of the given size and a softmax over {@code numClasses}.
     *
     * @param inputHeight image height in pixels, positive
     * @param inputWidth  image width in pixels, positive
     * @param channels    image channels, positive
     * @param numClasses  number of classes, at least 2
     * @return a builder that still needs N ({@link Builder#convsPerStage}), M ({@link Builder#stages}), the filter
     *     counts ({@link Builder#filters}) and K ({@link Builder#hiddenDense})
     * @throws IllegalArgumentException if a size is not positive or there are fewer than 2 classes
     */
    public static Builder builder(int inputHeight, int inputWidth, int channels, int numClasses) {
        return new Builder(new VolumeShape(Require.positive("inputWidth", inputWidth),
                Require.positive("inputHeight", inputHeight), Require.positive("channels", channels)),
                Require.classes(numClasses));
    }

    /** Collects the pattern's settings; N, M, the filter counts and K are required. */
    public static final class Builder extends ArchitectureBuilder<Builder, MultiLayerConfiguration> {

        private final VolumeShape input;
        private final int numClasses;
        private int convsPerStage;
        private int stages;
        private int[] filters;
        private int hiddenLayers = -1;
        private int hiddenUnits;
        private int kernelSize = 3;
        private PoolSpec pool = PoolSpec.of(2, 2);

        private Builder(VolumeShape input, int numClasses) {
            this.input = input;
            this.numClasses = numClasses;
        }

        /**
         * @param n convolutions (each followed by ReLU) per stage, N >= 1 (usually at most 5)
         * @return this builder
         */
        public Builder convsPerStage(int n) {
            this.convsPerStage = Require.positive("convsPerStage (N)", n);
            return this;
        }

        /**
         * @param m number of stages, each N convolutions and an optional pooling, M >= 1
         * @return this builder
         */
        public Builder stages(int m) {
            this.stages = Require.positive("stages (M)", m);
            return this;
        }

        /**
         * @param perStage the number of filters of every convolution in each stage: one value for all stages, or
         *                 one value per stage (M values)
         * @return this builder
         */
        public Builder filters(int... perStage) {
            if (perStage.length == 0) {
                throw new IllegalArgumentException(
                        "filters needs one count for all stages or one count per stage, for example filters(32, 64)");
            }
            for (int count : perStage) {
                Require.positive("every filter count", count);
            }
            this.filters = perStage.clone();
            return this;
        }

        /**
         * @param count number K of hidden fully connected ReLU layers before the softmax, K >= 0 (usually 0 to 2)
         * @param units units of each hidden layer, positive
         * @return this builder
         */
        public Builder hiddenDense(int count, int units) {
            if (count < 0) {
                throw new IllegalArgumentException(
                        "hiddenDense count (K) must not be negative but is " + count + "; use 0 for none");
            }
            this.hiddenLayers = count;
            this.hiddenUnits = Require.positive("hiddenDense units", units);
            return this;
        }

        /**
         * @param size odd filter size F of every convolution (default 3); padding {@code (F - 1) / 2} keeps the size
         * @return this builder
         * @throws InvalidGeometryException for even or non-positive sizes
         */
        public Builder optKernelSize(int size) {
            ConvArithmetic.samePadding(size);
            this.kernelSize = size;
            return this;
        }

        /**
         * @param pooling the max-pooling window closing every stage (default 2x2, stride 2)
         * @return this builder
         */
        public Builder optPool(PoolSpec pooling) {
            this.pool = Objects.requireNonNull(pooling, "pooling must not be null; use optNoPool() for none");
            return this;
        }

        /**
         * Leaves out pooling, so the stages keep the input size.
         *
         * @return this builder
         */
        public Builder optNoPool() {
            this.pool = null;
            return this;
        }

        /**
         * @return the network configuration; its input is NCHW and its output the class probabilities
         * @throws IllegalStateException    if N, M, the filters or K were not set
         * @throws IllegalArgumentException if the filter counts do not match M
         * @throws InvalidGeometryException if a stage's pooling does not fit the image size it receives
         */
        @Override
        public MultiLayerConfiguration build() {
            requireSet(convsPerStage > 0, "convsPerStage(N)");
            requireSet(stages > 0, "stages(M)");
            requireSet(filters != null, "filters(...)");
            requireSet(hiddenLayers >= 0, "hiddenDense(K, units)");
            int[] stageFilters = stageFilters();
            checkGeometry(stageFilters);
            NeuralNetConfiguration.ListBuilder layers = Layers.defaults(seed(), updater()).list();
            int padding = ConvArithmetic.samePadding(kernelSize);
            for (int stage = 1; stage <= stages; stage++) {
                for (int conv = 1; conv <= convsPerStage; conv++) {
                    layers.layer(Layers.conv("stage" + stage + "_conv" + conv, stageFilters[stage - 1], kernelSize,
                            1, padding, Activation.RELU));
                }
                if (pool != null) {
                    layers.layer(Layers.maxPool("stage" + stage + "_pool", pool.window(), pool.stride(),
                            pool.padding()));
                }
            }
            for (int hidden = 1; hidden <= hiddenLayers; hidden++) {
                layers.layer(Layers.dense("fc" + hidden, hiddenUnits));
            }
            return layers.layer(Layers.softmaxOutput("output", numClasses))
                    .setInputType(InputType.convolutional(input.height(), input.width(), input.depth()))
                    .build();
        }

        private int[] stageFilters() {
            if (filters.length == 1) {
                int[] same = new int[stages];
                Arrays.fill(same, filters[0]);
                return same;
            }
            if (filters.length != stages) {
                throw new IllegalArgumentException("filters has " + filters.length + " counts but there are "
                        + stages + " stages (M); give one count per stage or a single count for all stages");
            }
            return filters;
        }

        private void checkGeometry(int[] stageFilters) {
            VolumeShape shape = input;
            for (int stage = 1; stage <= stages; stage++) {
                shape = ConvSpec.same(stageFilters[stage - 1], kernelSize).outputShape(shape);
                if (pool != null) {
                    try {
                        shape = pool.outputShape(shape);
                    } catch (InvalidGeometryException e) {
                        throw new InvalidGeometryException("stage " + stage + " of " + stages + " pools a "
                                + shape.width() + "x" + shape.height() + " map: " + e.getMessage()
                                + "; or use fewer stages (M)");
                    }
                }
            }
        }

        private static void requireSet(boolean set, String setting) {
            if (!set) {
                throw new IllegalStateException(
                        "the pattern needs " + setting + "; call it before build()");
            }
        }
    }
}
