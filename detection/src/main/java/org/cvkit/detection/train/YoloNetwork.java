package org.cvkit.detection.train;

import java.util.Objects;
import org.cvkit.core.layers.FastLeakyReLU;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * A small single-scale YOLOv2-style detector: four stages of {@code CONV 3x3 -> BN -> leaky ReLU -> MAX POOL 2x2}
 * with {@code F, 2F, 4F, 8F} filters (stride {@value #STRIDE} in all), one more {@code CONV 3x3 -> BN -> leaky ReLU}
 * with {@code 8F} filters, and a {@code CONV 1x1} to {@code A·(5+C)} raw planes per grid cell, trained by a
 * {@link YoloLoss} in a {@code CnnLossLayer}. A square input of side S gives an {@code S/16 x S/16} grid (96 pixels
 * give 6x6). Leaky ReLU slopes 0.1, as in Darknet. With F = 16 it has about a quarter of a million parameters.
 */
public final class YoloNetwork {

    /** The architecture's name in model metadata. */
    public static final String ARCHITECTURE = "cvkit small YOLOv2";
    /** Input pixels per grid cell. */
    public static final int STRIDE = 16;
    /** The number of pooling stages. */
    private static final int STAGES = 4;
    private static final double LEAKY_SLOPE = 0.1;

    private YoloNetwork() {
    }

    /**
     * @param inputSize the side of the square RGB input, a positive multiple of {@value #STRIDE}
     * @return the side of the output grid, {@code inputSize / 16}
     * @throws IllegalArgumentException if the input size is not a positive multiple of 16
     */
    public static int gridSize(int inputSize) {
        if (inputSize < STRIDE || inputSize % STRIDE != 0) {
            throw new IllegalArgumentException("the input size must be a positive multiple of " + STRIDE
                    + " (the network's stride) but is " + inputSize + "; for example 96 or 128");
        }
        return inputSize / STRIDE;
    }

    /**
     * @param inputSize    the side of the square RGB input, a positive multiple of {@value #STRIDE}
     * @param firstFilters F, the filters of the first convolution, positive; each stage doubles them
     * @param loss         the loss, which fixes the anchors and classes and so the output channels
     * @param seed         the seed of the weight initialization
     * @param updater      the optimizer, for example {@code Optimizer.ADAM.updater(1e-3)}
     * @return the configuration
     * @throws IllegalArgumentException if the input size is not a positive multiple of 16 or F is not positive
     */
    public static MultiLayerConfiguration configuration(int inputSize, int firstFilters, YoloLoss loss, long seed,
                                                        IUpdater updater) {
        gridSize(inputSize);
        if (firstFilters < 1) {
            throw new IllegalArgumentException("the first convolution needs at least one filter but got "
                    + firstFilters);
        }
        Objects.requireNonNull(loss, "loss");
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(Objects.requireNonNull(updater, "updater"))
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same)
                .list();
        for (int stage = 0; stage < STAGES; stage++) {
            convBatchNormLeaky(layers, firstFilters << stage);
            layers.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2)
                    .stride(2, 2).build());
        }
        convBatchNormLeaky(layers, firstFilters << (STAGES - 1));
        layers.layer(new ConvolutionLayer.Builder(1, 1).nOut(loss.head().channels()).activation(Activation.IDENTITY)
                .weightInit(WeightInit.XAVIER).build());
        layers.layer(new CnnLossLayer.Builder(loss).activation(Activation.IDENTITY).build());
        return layers.setInputType(InputType.convolutional(inputSize, inputSize, 3)).build();
    }

    /** DL4J 1.0.0-M2.1's batch normalization ignores an activation set on it, so leaky ReLU is a layer of its own. */
    private static void convBatchNormLeaky(NeuralNetConfiguration.ListBuilder layers, int filters) {
        layers.layer(new ConvolutionLayer.Builder(3, 3).nOut(filters).hasBias(false)
                .activation(Activation.IDENTITY).build());
        layers.layer(new BatchNormalization.Builder().build());
        layers.layer(new ActivationLayer.Builder().activation(new FastLeakyReLU(LEAKY_SLOPE)).build());
    }
}
