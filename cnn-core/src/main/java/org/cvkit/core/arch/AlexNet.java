package org.cvkit.core.arch;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LocalResponseNormalization;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * AlexNet (Krizhevsky, Sutskever and Hinton 2012) as the course draws it:
 * CONV-POOL-NORM-CONV-POOL-NORM-CONV-CONV-CONV-POOL-FC-FC-FC with ReLU, on 227x227x3 input.
 *
 * <pre>
 * conv1 96 11x11 stride 4         -> 55x55x96    pool1 3x3 stride 2 -> 27x27x96    norm1
 * conv2 256 5x5 pad 2             -> 27x27x256   pool2 3x3 stride 2 -> 13x13x256   norm2
 * conv3 384 3x3 pad 1, conv4 384 3x3 pad 1, conv5 256 3x3 pad 1 -> 13x13x256      pool5 -> 6x6x256
 * fc6 4096 (dropout 0.5), fc7 4096 (dropout 0.5), fc8 softmax
 * </pre>
 *
 * <p>This is the single-tower variant: the paper split conv2, conv4 and conv5 into two groups, one per GPU, which
 * halves their weights. With 1000 classes it has 62,378,344 parameters (the grouped original 60,965,224). The
 * normalization is the paper's local response normalization (k = 2, n = 5, alpha = 1e-4, beta = 0.75).
 */
public final class AlexNet {

    /** Side of the square input the architecture is built for (the paper's "224" plus the padding it implies). */
    public static final int INPUT_SIZE = 227;

    private static final double FC_DROPOUT_RETAIN = 0.5;

    private AlexNet() {
    }

    /**
     * @param numClasses number of classes, at least 2 (ImageNet: 1000)
     * @param seed       seed of the weight initialization
     * @param updater    the optimizer
     * @return the configuration; input NCHW {@code [N, 3, 227, 227]}, output the class probabilities
     * @throws IllegalArgumentException if there are fewer than 2 classes
     */
    public static MultiLayerConfiguration configuration(int numClasses, long seed, IUpdater updater) {
        Require.classes(numClasses);
        return Layers.defaults(seed, updater).list()
                .layer(Layers.conv("conv1", 96, 11, 4, 0, Activation.RELU))
                .layer(Layers.maxPool("pool1", 3, 2, 0))
                .layer(localResponseNormalization("norm1"))
                .layer(Layers.conv("conv2", 256, 5, 1, 2, Activation.RELU))
                .layer(Layers.maxPool("pool2", 3, 2, 0))
                .layer(localResponseNormalization("norm2"))
                .layer(Layers.conv("conv3", 384, 3, 1, 1, Activation.RELU))
                .layer(Layers.conv("conv4", 384, 3, 1, 1, Activation.RELU))
                .layer(Layers.conv("conv5", 256, 3, 1, 1, Activation.RELU))
                .layer(Layers.maxPool("pool5", 3, 2, 0))
                .layer(Layers.denseWithDropout("fc6", 4096, FC_DROPOUT_RETAIN))
                .layer(Layers.denseWithDropout("fc7", 4096, FC_DROPOUT_RETAIN))
                .layer(Layers.softmaxOutput("fc8", numClasses))
                .setInputType(InputType.convolutional(INPUT_SIZE, INPUT_SIZE, 3))
                .build();
    }

    private static LocalResponseNormalization localResponseNormalization(String name) {
        return new LocalResponseNormalization.Builder().name(name).k(2).n(5).alpha(1e-4).beta(0.75).build();
    }
}
