package org.cvkit.face.landmarks;

import java.util.Map;
import org.cvkit.core.arch.SplitSeparableConvolution;
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
import org.deeplearning4j.nn.conf.layers.SeparableConvolution2D;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Builds face-api's 68-point landmark net as a DL4J graph and loads its TensorFlow.js weights: four dense blocks
 * (32, 64, 128, 256 channels), a 7x7/2 VALID average pool and a fully connected layer to 136 values. A dense
 * block computes {@code o1 = relu(conv0(x))} with stride 2 (a plain 3x3 conv in the first block, depthwise
 * separable in the others), then {@code o2 = sep(o1)}, {@code o3 = sep(relu(o1 + o2))},
 * {@code o4 = sep(relu(o1 + o2 + o3))} and returns {@code relu(o1 + o2 + o3 + o4)}; every conv is 3x3 'same'
 * with a bias. Separable convolutions are {@link SplitSeparableConvolution}s, about four times faster in DL4J.
 */
final class FaceLandmark68Network {

    /** Side of the square network input. */
    static final int INPUT_SIZE = 112;
    /** Output values: x0, y0, x1, y1, ... of 68 points. */
    static final int OUTPUT_LENGTH = 136;

    private static final int[] CHANNELS = {3, 32, 64, 128, 256};
    private static final String INPUT = "input";

    private FaceLandmark68Network() {
    }

    /**
     * @param weights the tensors of {@code face_landmark_68_model-weights_manifest.json}
     * @return the initialized graph with those weights, input NCHW {@code [N, 3, 112, 112]}, output {@code [N, 136]}
     * @throws org.cvkit.zoo.format.ModelFormatException if a tensor is missing or has the wrong shape
     */
    static ComputationGraph build(Map<String, WeightTensor> weights) {
        GraphBuilder graph = new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).graphBuilder()
                .addInputs(INPUT).setInputTypes(InputType.convolutional(INPUT_SIZE, INPUT_SIZE, 3));
        PendingParameters parameters = new PendingParameters();
        String x = INPUT;
        for (int block = 0; block < 4; block++) {
            x = denseBlock(graph, parameters, weights, "dense" + block, x, CHANNELS[block], CHANNELS[block + 1]);
        }
        graph.addLayer("pool", new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.AVG).kernelSize(7, 7)
                .stride(2, 2).convolutionMode(ConvolutionMode.Truncate).build(), x);
        int features = CHANNELS[CHANNELS.length - 1];
        graph.addLayer("fc", new DenseLayer.Builder().nIn(features).nOut(OUTPUT_LENGTH)
                .activation(Activation.IDENTITY).build(), "pool");
        graph.setOutputs("fc");
        parameters.weightsAndBias("fc", TfjsLayout.require(weights, "fc/weights", features, OUTPUT_LENGTH).toNdArray(),
                TfjsLayout.bias(TfjsLayout.require(weights, "fc/bias", OUTPUT_LENGTH)));
        LayerHelpers.enable();
        ComputationGraph network = new ComputationGraph(graph.build());
        network.init();
        parameters.assignTo(network::getLayer);
        return network;
    }

    private static String denseBlock(GraphBuilder graph, PendingParameters parameters,
                                     Map<String, WeightTensor> weights, String name, String input, int in, int out) {
        String out1 = name + "/conv0";
        if (in == CHANNELS[0]) {
            graph.addLayer(out1, new ConvolutionLayer.Builder(3, 3).stride(2, 2)
                    .convolutionMode(ConvolutionMode.Same).nIn(in).nOut(out).activation(Activation.RELU).build(),
                    input);
            parameters.weightsAndBias(out1, TfjsLayout.kernel(TfjsLayout.require(weights, out1 + "/filters", 3, 3, in, out)),
                    TfjsLayout.bias(TfjsLayout.require(weights, out1 + "/bias", out)));
        } else {
            separable(graph, parameters, weights, out1, input, 2, in, out, Activation.RELU);
        }
        String out2 = separable(graph, parameters, weights, name + "/conv1", out1, 1, out, out, Activation.IDENTITY);
        String in3 = sumAndRelu(graph, name + "/in3", out1, out2);
        String out3 = separable(graph, parameters, weights, name + "/conv2", in3, 1, out, out, Activation.IDENTITY);
        String in4 = sumAndRelu(graph, name + "/in4", out1, out2, out3);
        String out4 = separable(graph, parameters, weights, name + "/conv3", in4, 1, out, out, Activation.IDENTITY);
        return sumAndRelu(graph, name, out1, out2, out3, out4);
    }

    private static String separable(GraphBuilder graph, PendingParameters parameters,
                                    Map<String, WeightTensor> weights, String name, String input, int stride,
                                    int in, int out, Activation activation) {
        parameters.separable(weights, name, name, in, out);
        return SplitSeparableConvolution.of(new SeparableConvolution2D.Builder(3, 3).stride(stride, stride)
                .depthMultiplier(1).convolutionMode(ConvolutionMode.Same).nIn(in).nOut(out).activation(activation)
                .build()).addTo(graph, name, input);
    }

    private static String sumAndRelu(GraphBuilder graph, String name, String... terms) {
        graph.addVertex(name + "/sum", new ElementWiseVertex(ElementWiseVertex.Op.Add), terms);
        graph.addLayer(name, new ActivationLayer.Builder().activation(Activation.RELU).build(), name + "/sum");
        return name;
    }
}
