package org.cvkit.core.arch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * LeNet-5 (LeCun et al. 1998): CONV-POOL-CONV-POOL-CONV-FC-FC.
 *
 * <p>Layers, on the classic 32x32 field: C1 six 5x5 filters (28x28x6), S2 2x2 max pooling (14x14x6), C3 sixteen
 * 5x5 filters (10x10x16), S4 2x2 max pooling (5x5x16), C5 120 5x5 filters (1x1x120), F6 84 units, and a softmax
 * output. Modernized as is usual today: ReLU with He initialization instead of scaled tanh, max instead of
 * trainable average pooling, C3 connected to all six S2 maps instead of LeCun's hand-picked 60 connections, and
 * softmax with cross-entropy instead of RBF units.
 *
 * <p>Adapting to the input: a side shorter than 32 is zero-padded (centred) to 32, as LeCun placed the 28x28
 * MNIST digits in a 32x32 field, so a 28x28 image sees exactly the classic geometry. Longer sides are left as they
 * are; C5 then gives a map larger than 1x1, which F6 reads whole.
 */
public final class LeNet5 {

    /** Side of the square field the classic geometry is built for. */
    public static final int CLASSIC_INPUT_SIZE = 32;

    /**
     * Later additions to the classic network, which keep its geometry and add few parameters.
     *
     * @param batchNormalization whether each convolution is followed by batch normalization (before its ReLU)
     * @param retain             the probability of keeping an input unit of F6 and of the output layer during
     *                           training (inverted dropout), in (0, 1]; 1 for no dropout
     */
    public record Options(boolean batchNormalization, double retain) {

        /** The network as described above, without batch normalization or dropout. */
        public static final Options CLASSIC = new Options(false, 1);

        /** Validates the retain probability. */
        public Options {
            if (!(retain > 0 && retain <= 1)) {
                throw new IllegalArgumentException("the probability of keeping a unit must be in (0, 1] but is "
                        + retain + "; use 1 for no dropout");
            }
        }

        /** @return the architecture's name with these options, e.g. "LeNet-5 with batch normalization" */
        public String architectureName() {
            List<String> additions = new ArrayList<>();
            if (batchNormalization) {
                additions.add("batch normalization");
            }
            if (retain < 1) {
                additions.add(String.format(Locale.ROOT, "dropout (keep %.2f)", retain));
            }
            return additions.isEmpty() ? "LeNet-5" : "LeNet-5 with " + String.join(" and ", additions);
        }
    }

    private LeNet5() {
    }

    /**
     * Builds LeNet-5 for images of the given size.
     *
     * @param height     image height in pixels, positive
     * @param width      image width in pixels, positive
     * @param channels   image channels (1 for grey, 3 for colour), positive
     * @param numClasses number of classes, at least 2
     * @param seed       seed of the weight initialization
     * @param updater    the optimizer, for example {@code new Adam(1e-3)}
     * @return a configuration whose input is NCHW {@code [N, channels, height, width]} and whose output is the
     *     softmax over {@code numClasses}
     * @throws IllegalArgumentException if a size is not positive or there are fewer than 2 classes
     */
    public static MultiLayerConfiguration configuration(int height, int width, int channels, int numClasses,
                                                        long seed, IUpdater updater) {
        return configuration(height, width, channels, numClasses, seed, updater, Options.CLASSIC);
    }

    /**
     * Builds LeNet-5 for images of the given size, with batch normalization or dropout.
     *
     * @param height     image height in pixels, positive
     * @param width      image width in pixels, positive
     * @param channels   image channels (1 for grey, 3 for colour), positive
     * @param numClasses number of classes, at least 2
     * @param seed       seed of the weight initialization
     * @param updater    the optimizer, for example {@code new Adam(1e-3)}
     * @param options    the additions to the classic network
     * @return a configuration whose input is NCHW {@code [N, channels, height, width]} and whose output is the
     *     softmax over {@code numClasses}
     * @throws IllegalArgumentException if a size is not positive or there are fewer than 2 classes
     */
    public static MultiLayerConfiguration configuration(int height, int width, int channels, int numClasses,
                                                        long seed, IUpdater updater, Options options) {
        Require.positive("height", height);
        Require.positive("width", width);
        Require.positive("channels", channels);
        Require.classes(numClasses);
        NeuralNetConfiguration.ListBuilder layers = Layers.defaults(seed, updater).list();
        int padRows = Math.max(0, CLASSIC_INPUT_SIZE - height);
        int padColumns = Math.max(0, CLASSIC_INPUT_SIZE - width);
        if (padRows > 0 || padColumns > 0) {
            layers.layer(new ZeroPaddingLayer.Builder(padRows / 2, padRows - padRows / 2,
                    padColumns / 2, padColumns - padColumns / 2).name("pad").build());
        }
        convolution(layers, "c1", 6, options);
        layers.layer(Layers.maxPool("s2", 2, 2, 0));
        convolution(layers, "c3", 16, options);
        layers.layer(Layers.maxPool("s4", 2, 2, 0));
        convolution(layers, "c5", 120, options);
        Layer f6 = Layers.dense("f6", 84);
        Layer output = Layers.softmaxOutput("output", numClasses);
        if (options.retain() < 1) {
            f6.setIDropout(new Dropout(options.retain()));
            output.setIDropout(new Dropout(options.retain()));
        }
        return layers.layer(f6).layer(output)
                .setInputType(InputType.convolutional(height, width, channels))
                .build();
    }

    /** A 5x5 convolution with ReLU, or without bias and followed by batch normalization and then ReLU. */
    private static void convolution(NeuralNetConfiguration.ListBuilder layers, String name, int filters,
                                    Options options) {
        if (!options.batchNormalization()) {
            layers.layer(Layers.conv(name, filters, 5, 1, 0, Activation.RELU));
            return;
        }
        ConvolutionLayer convolution = Layers.conv(name, filters, 5, 1, 0, Activation.IDENTITY);
        convolution.setHasBias(false);
        // DL4J's batch normalization ignores an activation set on it, so ReLU is a layer of its own.
        layers.layer(convolution)
                .layer(new BatchNormalization.Builder().name(name + "_bn").build())
                .layer(new ActivationLayer.Builder().name(name + "_relu").activation(Activation.RELU).build());
    }
}
