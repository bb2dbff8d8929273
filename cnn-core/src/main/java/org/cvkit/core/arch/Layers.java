package org.cvkit.core.arch;

import java.util.Objects;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The layer recipes the architectures share, so that every network spells a convolution, a pooling window and a
 * softmax classifier the same way. Every layer names its activation: DL4J's global default is sigmoid.
 */
final class Layers {

    private Layers() {
    }

    /**
     * Network-wide settings: the seed, the updater, He initialization (suited to ReLU) and floor rounding of
     * output sizes (as PyTorch and Keras round), so padded stride-2 windows give the published shapes.
     *
     * @param seed    seed of the weight initialization
     * @param updater the optimizer
     * @return a configuration builder to add layers to
     */
    static NeuralNetConfiguration.Builder defaults(long seed, IUpdater updater) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(Objects.requireNonNull(updater, "updater must not be null; pass for example new Adam(1e-3)"))
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Truncate);
    }

    /**
     * @param name       the layer name
     * @param filters    number of filters
     * @param kernel     square filter size
     * @param stride     stride in both directions
     * @param padding    zero padding on each side
     * @param activation the activation after the convolution
     * @return a convolution with biases
     */
    static ConvolutionLayer conv(String name, int filters, int kernel, int stride, int padding,
                                 Activation activation) {
        return new ConvolutionLayer.Builder(kernel, kernel)
                .name(name)
                .nOut(filters)
                .stride(stride, stride)
                .padding(padding, padding)
                .activation(activation)
                .build();
    }

    /**
     * @param name    the layer name
     * @param window  square pooling window
     * @param stride  stride in both directions
     * @param padding padding on each side
     * @return a max-pooling layer
     */
    static SubsamplingLayer maxPool(String name, int window, int stride, int padding) {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                .name(name)
                .kernelSize(window, window)
                .stride(stride, stride)
                .padding(padding, padding)
                .build();
    }

    /**
     * @param name  the layer name
     * @param units number of units
     * @return a fully connected ReLU layer
     */
    static DenseLayer dense(String name, int units) {
        return new DenseLayer.Builder().name(name).nOut(units).activation(Activation.RELU).build();
    }

    /**
     * @param name   the layer name
     * @param units  number of units
     * @param retain probability of keeping a unit during training (inverted dropout; 0.5 keeps half)
     * @return a fully connected ReLU layer with dropout on its input
     */
    static DenseLayer denseWithDropout(String name, int units, double retain) {
        DenseLayer layer = dense(name, units);
        layer.setIDropout(new Dropout(retain));
        return layer;
    }

    /**
     * @param name    the layer name
     * @param classes number of classes
     * @return a fully connected softmax layer scored with multi-class cross-entropy
     */
    static OutputLayer softmaxOutput(String name, int classes) {
        return new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .name(name)
                .nOut(classes)
                .activation(Activation.SOFTMAX)
                .weightInit(WeightInit.XAVIER)
                .build();
    }

    /**
     * Adds a bias-free convolution followed by batch normalization (whose beta plays the bias) and optionally ReLU,
     * the unit ResNet is made of. The convolution is padded to keep the size at stride 1. DL4J's batch
     * normalization ignores an activation set on it, so the ReLU is a layer of its own.
     *
     * @param graph   the graph to add to
     * @param name    prefix of the layer names ({@code name + "_conv"}, {@code "_bn"}, {@code "_relu"})
     * @param input   the vertex to read from
     * @param filters number of filters
     * @param kernel  odd square filter size
     * @param stride  stride in both directions
     * @param relu    whether ReLU follows the normalization
     * @return the name of the unit's last layer
     */
    static String convBatchNorm(ComputationGraphConfiguration.GraphBuilder graph, String name, String input,
                                int filters, int kernel, int stride, boolean relu) {
        String conv = name + "_conv";
        String norm = name + "_bn";
        graph.addLayer(conv, new ConvolutionLayer.Builder(kernel, kernel)
                .nOut(filters)
                .stride(stride, stride)
                .padding((kernel - 1) / 2, (kernel - 1) / 2)
                .hasBias(false)
                .activation(Activation.IDENTITY)
                .build(), input);
        graph.addLayer(norm, new BatchNormalization.Builder().build(), conv);
        if (!relu) {
            return norm;
        }
        String activation = name + "_relu";
        graph.addLayer(activation, new ActivationLayer.Builder().activation(Activation.RELU).build(), norm);
        return activation;
    }
}
