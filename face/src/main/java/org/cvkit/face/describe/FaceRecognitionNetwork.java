package org.cvkit.face.describe;

import java.util.Map;
import org.cvkit.core.runtime.LayerHelpers;
import org.cvkit.face.tfjs.PendingParameters;
import org.cvkit.face.tfjs.TfjsLayout;
import org.cvkit.zoo.format.WeightTensor;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds face-api's face recognition net as a DL4J graph and loads its TensorFlow.js weights. Every convolution
 * is followed by a per-channel scale {@code (x * weights + biases)}, which is folded into the convolution's
 * kernel and bias. The net: conv 7x7/2 VALID + ReLU, max pool 3x3/2 VALID, residual blocks (3x3 'same' conv +
 * ReLU, 3x3 'same' conv, plus the block input, ReLU), where a "down" block's first conv is 3x3/2 VALID and its
 * shortcut is a 2x2/2 average pool whose channels are doubled with zeros; when the two branches' sizes differ
 * by one, the conv branch gets a zero row below and a zero column on the right. Then the mean over H and W and
 * a 256 x 128 matrix without bias.
 */
final class FaceRecognitionNetwork {

    /** Side of the square network input. */
    static final int INPUT_SIZE = 150;
    /** Length of a descriptor. */
    static final int DESCRIPTOR_LENGTH = 128;

    private static final String INPUT = "input";

    private FaceRecognitionNetwork() {
    }

    /**
     * @param weights the tensors of {@code face_recognition_model-weights_manifest.json}
     * @return the initialized graph with those weights, input NCHW {@code [N, 3, 150, 150]}, output {@code [N, 128]}
     * @throws org.cvkit.zoo.format.ModelFormatException if a tensor is missing or has the wrong shape
     */
    static ComputationGraph build(Map<String, WeightTensor> weights) {
        Builder builder = new Builder(weights);
        builder.graph.addInputs(INPUT).setInputTypes(InputType.convolutional(INPUT_SIZE, INPUT_SIZE, 3));
        String x = builder.conv("conv32_down", INPUT, 7, 2, 3, 32, true);
        builder.graph.addLayer("pool", new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                .kernelSize(3, 3).stride(2, 2).convolutionMode(ConvolutionMode.Truncate).build(), x);
        x = "pool";
        int size = ((INPUT_SIZE - 7) / 2 + 1 - 3) / 2 + 1;
        for (String block : new String[] {"conv32_1", "conv32_2", "conv32_3"}) {
            x = builder.residual(block, x, 32);
        }
        x = builder.down("conv64_down", x, 32, 64, size);
        size = size / 2;
        for (String block : new String[] {"conv64_1", "conv64_2", "conv64_3"}) {
            x = builder.residual(block, x, 64);
        }
        x = builder.down("conv128_down", x, 64, 128, size);
        size = size / 2;
        for (String block : new String[] {"conv128_1", "conv128_2"}) {
            x = builder.residual(block, x, 128);
        }
        x = builder.down("conv256_down", x, 128, 256, size);
        size = size / 2;
        for (String block : new String[] {"conv256_1", "conv256_2"}) {
            x = builder.residual(block, x, 256);
        }
        x = builder.down("conv256_down_out", x, 256, 256, size);
        builder.graph.addLayer("mean", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), x);
        builder.graph.addLayer("fc", new DenseLayer.Builder().nIn(256).nOut(DESCRIPTOR_LENGTH).hasBias(false)
                .activation(Activation.IDENTITY).build(), "mean");
        builder.graph.setOutputs("fc");
        LayerHelpers.enable();
        ComputationGraph network = new ComputationGraph(builder.graph.build());
        network.init();
        builder.load(network);
        return network;
    }

    /** Adds layers and remembers the weights each needs, to set them once the graph exists. */
    private static final class Builder {

        private final Map<String, WeightTensor> weights;
        private final GraphBuilder graph = new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT)
                .graphBuilder();
        private final PendingParameters parameters = new PendingParameters();

        Builder(Map<String, WeightTensor> weights) {
            this.weights = weights;
        }

        /** A convolution with its folded scale; stride 1 is 'same', stride 2 VALID. */
        String conv(String name, String input, int kernel, int stride, int in, int out, boolean relu) {
            graph.addLayer(name, new ConvolutionLayer.Builder(kernel, kernel).stride(stride, stride)
                    .convolutionMode(stride == 1 ? ConvolutionMode.Same : ConvolutionMode.Truncate)
                    .nIn(in).nOut(out).activation(relu ? Activation.RELU : Activation.IDENTITY).build(), input);
            INDArray bias = TfjsLayout.bias(TfjsLayout.require(weights, name + "/conv/bias", out));
            try (INDArray kernelWeights = TfjsLayout.kernel(
                         TfjsLayout.require(weights, name + "/conv/filters", kernel, kernel, in, out));
                 INDArray scale = TfjsLayout.require(weights, name + "/scale/weights", out).toNdArray();
                 INDArray shift = TfjsLayout.bias(TfjsLayout.require(weights, name + "/scale/biases", out))) {
                INDArray filters = kernelWeights.reshape(out, (long) in * kernel * kernel)
                        .mulColumnVector(scale.reshape(out, 1)).reshape(out, in, kernel, kernel);
                parameters.weightsAndBias(name, filters, bias.muli(scale.reshape(1, out)).addi(shift));
            }
            return name;
        }

        String residual(String name, String input, int channels) {
            String first = conv(name + "/conv1", input, 3, 1, channels, channels, true);
            String second = conv(name + "/conv2", first, 3, 1, channels, channels, false);
            return sumAndRelu(name, second, input);
        }

        String down(String name, String input, int in, int out, int size) {
            String first = conv(name + "/conv1", input, 3, 2, in, out, true);
            String second = conv(name + "/conv2", first, 3, 1, out, out, false);
            if ((size - 3) / 2 + 1 != size / 2) {
                graph.addLayer(name + "/pad", new ZeroPaddingLayer.Builder(0, 1, 0, 1).build(), second);
                second = name + "/pad";
            }
            String shortcut = name + "/shortcut";
            graph.addLayer(shortcut, new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.AVG)
                    .kernelSize(2, 2).stride(2, 2).convolutionMode(ConvolutionMode.Truncate).build(), input);
            if (out != in) {
                String expand = name + "/zeroChannels";
                graph.addLayer(expand, new ConvolutionLayer.Builder(1, 1).nIn(in).nOut(out).hasBias(false)
                        .activation(Activation.IDENTITY).build(), shortcut);
                INDArray identityThenZeros = Nd4j.zeros(DataType.FLOAT, out, in, 1, 1);
                for (int channel = 0; channel < in; channel++) {
                    identityThenZeros.putScalar(new long[] {channel, channel, 0, 0}, 1f);
                }
                parameters.weightsAndBias(expand, identityThenZeros, null);
                shortcut = expand;
            }
            return sumAndRelu(name, second, shortcut);
        }

        private String sumAndRelu(String name, String branch, String shortcut) {
            graph.addVertex(name + "/sum", new ElementWiseVertex(ElementWiseVertex.Op.Add), branch, shortcut);
            graph.addLayer(name, new ActivationLayer.Builder().activation(Activation.RELU).build(), name + "/sum");
            return name;
        }

        void load(ComputationGraph network) {
            parameters.weightsAndBias("fc", TfjsLayout.require(weights, "fc", 256, DESCRIPTOR_LENGTH).toNdArray(), null)
                    .assignTo(network::getLayer);
        }
    }
}
