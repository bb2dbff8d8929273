package org.cvkit.core.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.SeparableConvolution2D;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The split pair computes what DL4J's own separable layer computes, given the same parameters. */
class SplitSeparableConvolutionTest {

    private static final int SIZE = 11;

    private static SeparableConvolution2D separable(int in, int multiplier, int out, int stride, String mode,
                                                    boolean inferIn) {
        SeparableConvolution2D.Builder builder = new SeparableConvolution2D.Builder(3, 3).stride(stride, stride)
                .depthMultiplier(multiplier).nOut(out).activation(Activation.LEAKYRELU);
        if (mode.equals("same")) {
            builder.convolutionMode(ConvolutionMode.Same);
        } else {
            builder.convolutionMode(ConvolutionMode.Truncate).padding(1, 1);
        }
        if (!inferIn) {
            builder.nIn(in);
        }
        return builder.build();
    }

    private static MultiLayerNetwork network(NeuralNetConfiguration.ListBuilder list, int in) {
        MultiLayerNetwork network = new MultiLayerNetwork(list.setInputType(InputType.convolutional(SIZE, SIZE, in))
                .build());
        network.init();
        return network;
    }

    private static NeuralNetConfiguration.ListBuilder list() {
        return new NeuralNetConfiguration.Builder().seed(7).dataType(DataType.DOUBLE).list();
    }

    @ParameterizedTest(name = "in {0}, multiplier {1}, out {2}, stride {3}, {4}, nIn inferred {5}")
    @CsvSource({"3, 1, 8, 1, same, false", "4, 2, 5, 2, same, true", "6, 1, 4, 2, padding, false",
        "2, 3, 7, 1, padding, true"})
    void listNetworksAgreeWithTheSeparableLayer(int in, int multiplier, int out, int stride, String mode,
                                                boolean inferIn) {
        SeparableConvolution2D layer = separable(in, multiplier, out, stride, mode, inferIn);
        MultiLayerNetwork reference = network(list().layer(layer.clone()), in);
        MultiLayerNetwork split = network(SplitSeparableConvolution.of(layer).addTo(list()), in);
        split.getLayer(0).setParam("W", SplitSeparableConvolution.depthwiseKernel(reference.getParam("0_W")));
        split.getLayer(1).setParam("W", reference.getParam("0_pW"));
        split.getLayer(1).setParam("b", reference.getParam("0_b"));
        INDArray input = Nd4j.rand(DataType.DOUBLE, 2, in, SIZE, SIZE).subi(0.5);

        INDArray expected = reference.output(input);
        INDArray actual = split.output(input);

        assertThat(actual.shape()).containsExactly(expected.shape());
        assertThat(actual.sub(expected).amaxNumber().doubleValue()).isLessThan(1e-12);
        assertThat(split.numParams()).isEqualTo(reference.numParams());
    }

    @Test
    void graphLayersAreNamedAfterTheSeparableLayer() {
        ComputationGraphConfiguration.GraphBuilder builder = new NeuralNetConfiguration.Builder().graphBuilder()
                .addInputs("in").setInputTypes(InputType.convolutional(SIZE, SIZE, 4));
        String output = SplitSeparableConvolution.of(separable(4, 1, 6, 2, "same", true)).addTo(builder, "sep", "in");
        ComputationGraph graph = new ComputationGraph(builder.setOutputs(output).build());
        graph.init();

        assertThat(output).isEqualTo("sep");
        assertThat(graph.outputSingle(Nd4j.rand(1, 4, SIZE, SIZE)).shape()).containsExactly(1, 6, 6, 6);
        assertThat(SplitSeparableConvolution.depthwiseName("sep")).isEqualTo("sep/depthwise");
        assertThat(graph.getConfiguration().getVertices()).containsKeys("sep/depthwise", "sep");
    }

    @Test
    void depthwiseKernelNeedsRankFour() {
        assertThatThrownBy(() -> SplitSeparableConvolution.depthwiseKernel(Nd4j.zeros(3, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rank 4");
    }
}
