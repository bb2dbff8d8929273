package org.cvkit.face.detect;

import java.util.Map;
import org.cvkit.core.arch.SplitSeparableConvolution;
import org.cvkit.core.layers.FastLeakyReLU;
import org.cvkit.core.runtime.LayerHelpers;
import org.cvkit.face.tfjs.PendingParameters;
import org.cvkit.face.tfjs.TfjsLayout;
import org.cvkit.zoo.format.WeightTensor;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SeparableConvolution2D;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Builds face-api's tiny face detector as a DL4J network and loads its TensorFlow.js weights: conv0 3x3 VALID,
 * then five blocks of 1-pixel zero padding + depthwise 3x3 + pointwise 1x1 (all with bias and leaky ReLU of
 * slope 0.1) separated by 2x2 max pooling ('same', stride 2, the last one stride 1), then conv8 1x1 to
 * {@value #OUTPUT_CHANNELS} channels. The separable convolutions are {@link SplitSeparableConvolution}s, about
 * four times faster in DL4J.
 */
final class TinyFaceDetectorNetwork {

    /** Side of the square network input. */
    static final int INPUT_SIZE = 416;
    /** Channels of the output: 5 anchors times (tx, ty, tw, th, objectness). */
    static final int OUTPUT_CHANNELS = 25;

    private static final int[] CHANNELS = {16, 32, 64, 128, 256, 512};
    private static final double LEAKY_SLOPE = 0.1;

    private TinyFaceDetectorNetwork() {
    }

    /**
     * @param weights the tensors of {@code tiny_face_detector_model-weights_manifest.json}
     * @return the initialized network with those weights, input NCHW {@code [N, 3, 416, 416]}
     * @throws org.cvkit.zoo.format.ModelFormatException if a tensor is missing or has the wrong shape
     */
    static MultiLayerNetwork build(Map<String, WeightTensor> weights) {
        FastLeakyReLU leaky = new FastLeakyReLU(LEAKY_SLOPE);
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).stride(1, 1).convolutionMode(ConvolutionMode.Truncate)
                        .name("conv0").nIn(3).nOut(CHANNELS[0]).activation(leaky).build())
                .layer(maxPool(2));
        PendingParameters parameters = new PendingParameters().weightsAndBias("conv0",
                TfjsLayout.kernel(TfjsLayout.require(weights, "conv0/filters", 3, 3, 3, CHANNELS[0])),
                TfjsLayout.bias(TfjsLayout.require(weights, "conv0/bias", CHANNELS[0])));
        for (int block = 1; block < CHANNELS.length; block++) {
            String name = "conv" + block;
            SplitSeparableConvolution.of(new SeparableConvolution2D.Builder(3, 3).stride(1, 1).padding(1, 1)
                    .depthMultiplier(1).convolutionMode(ConvolutionMode.Truncate).name(name)
                    .nIn(CHANNELS[block - 1]).nOut(CHANNELS[block]).activation(leaky).build()).addTo(list);
            parameters.separable(weights, name, name, CHANNELS[block - 1], CHANNELS[block]);
            list.layer(maxPool(block == CHANNELS.length - 1 ? 1 : 2));
        }
        int last = CHANNELS[CHANNELS.length - 1];
        list.layer(new ConvolutionLayer.Builder(1, 1).convolutionMode(ConvolutionMode.Truncate).name("conv8")
                .nIn(last).nOut(OUTPUT_CHANNELS).activation(Activation.IDENTITY).build());
        parameters.weightsAndBias("conv8",
                TfjsLayout.kernel(TfjsLayout.require(weights, "conv8/filters", 1, 1, last, OUTPUT_CHANNELS)),
                TfjsLayout.bias(TfjsLayout.require(weights, "conv8/bias", OUTPUT_CHANNELS)));
        LayerHelpers.enable();
        MultiLayerNetwork network = new MultiLayerNetwork(list
                .setInputType(InputType.convolutional(INPUT_SIZE, INPUT_SIZE, 3)).build());
        network.init();
        parameters.assignTo(network::getLayer);
        return network;
    }

    /** TF 'same' max pooling 2x2: DL4J's Same mode pads at the end only when the total padding is odd. */
    private static SubsamplingLayer maxPool(int stride) {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2)
                .stride(stride, stride).convolutionMode(ConvolutionMode.Same).build();
    }
}
