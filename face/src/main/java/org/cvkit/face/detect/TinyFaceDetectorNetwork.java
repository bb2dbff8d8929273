package org.cvkit.face.detect;

import java.util.Map;
import org.cvkit.core.runtime.LayerHelpers;
import org.cvkit.face.tfjs.TfjsLayout;
import org.cvkit.zoo.format.WeightTensor;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SeparableConvolution2D;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Builds face-api's tiny face detector as a DL4J network and loads its TensorFlow.js weights: conv0 3x3 VALID,
 * then five blocks of 1-pixel zero padding + depthwise 3x3 + pointwise 1x1 (all with bias and leaky ReLU of
 * slope 0.1) separated by 2x2 max pooling ('same', stride 2, the last one stride 1), then conv8 1x1 to
 * {@value #OUTPUT_CHANNELS} channels.
 */
final class TinyFaceDetectorNetwork {

    /** Side of the square network input. */
    static final int INPUT_SIZE = 416;
    /** Channels of the output: 5 anchors times (tx, ty, tw, th, objectness). */
    static final int OUTPUT_CHANNELS = 25;

    private static final int[] CHANNELS = {16, 32, 64, 128, 256, 512};
    private static final double LEAKY_SLOPE = 0.1;
    private static final String[] SEPARABLE_KEYS = {"W", "pW", "b"};

    private TinyFaceDetectorNetwork() {
    }

    /**
     * @param weights the tensors of {@code tiny_face_detector_model-weights_manifest.json}
     * @return the initialized network with those weights, input NCHW {@code [N, 3, 416, 416]}
     * @throws org.cvkit.zoo.format.ModelFormatException if a tensor is missing or has the wrong shape
     */
    static MultiLayerNetwork build(Map<String, WeightTensor> weights) {
        ActivationLReLU leaky = new ActivationLReLU(LEAKY_SLOPE);
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).stride(1, 1).convolutionMode(ConvolutionMode.Truncate)
                        .nIn(3).nOut(CHANNELS[0]).activation(leaky).build())
                .layer(maxPool(2));
        for (int block = 1; block < CHANNELS.length; block++) {
            list.layer(new SeparableConvolution2D.Builder(3, 3).stride(1, 1).padding(1, 1).depthMultiplier(1)
                    .convolutionMode(ConvolutionMode.Truncate).nIn(CHANNELS[block - 1]).nOut(CHANNELS[block])
                    .activation(leaky).build());
            list.layer(maxPool(block == CHANNELS.length - 1 ? 1 : 2));
        }
        list.layer(new ConvolutionLayer.Builder(1, 1).convolutionMode(ConvolutionMode.Truncate)
                .nIn(CHANNELS[CHANNELS.length - 1]).nOut(OUTPUT_CHANNELS).activation(Activation.IDENTITY).build());
        LayerHelpers.enable();
        MultiLayerNetwork network = new MultiLayerNetwork(list
                .setInputType(InputType.convolutional(INPUT_SIZE, INPUT_SIZE, 3)).build());
        network.init();
        loadWeights(network, weights);
        return network;
    }

    /** TF 'same' max pooling 2x2: DL4J's Same mode pads at the end only when the total padding is odd. */
    private static SubsamplingLayer maxPool(int stride) {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2)
                .stride(stride, stride).convolutionMode(ConvolutionMode.Same).build();
    }

    private static void loadWeights(MultiLayerNetwork network, Map<String, WeightTensor> weights) {
        TfjsLayout.assign(network.getLayer(0), "W", TfjsLayout.kernel(
                TfjsLayout.require(weights, "conv0/filters", 3, 3, 3, CHANNELS[0])));
        TfjsLayout.assign(network.getLayer(0), "b", TfjsLayout.bias(
                TfjsLayout.require(weights, "conv0/bias", CHANNELS[0])));
        for (int block = 1; block < CHANNELS.length; block++) {
            INDArray[] separable = TfjsLayout.separable(weights, "conv" + block, CHANNELS[block - 1],
                    CHANNELS[block]);
            for (int i = 0; i < SEPARABLE_KEYS.length; i++) {
                TfjsLayout.assign(network.getLayer(2 * block), SEPARABLE_KEYS[i], separable[i]);
            }
        }
        Layer last = network.getLayer(2 * CHANNELS.length);
        TfjsLayout.assign(last, "W", TfjsLayout.kernel(TfjsLayout.require(weights, "conv8/filters", 1, 1,
                CHANNELS[CHANNELS.length - 1], OUTPUT_CHANNELS)));
        TfjsLayout.assign(last, "b", TfjsLayout.bias(TfjsLayout.require(weights, "conv8/bias", OUTPUT_CHANNELS)));
    }
}
