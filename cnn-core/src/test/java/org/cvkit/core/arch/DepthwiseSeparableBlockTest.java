package org.cvkit.core.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cvkit.core.arithmetic.InvalidGeometryException;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The lecture's example: 64 filters of 3x3 over depth 32. An ordinary convolution has 64*3*3*32 + 64 = 18,496
 * parameters. Separable with depth multiplier M: 32*M spatial 3x3 filters (288*M weights), then 64 1x1 filters
 * over the 32*M maps (2,048*M weights) and 64 biases: 2,336*M + 64. The slide's total, 2,058*M + 64, does not
 * follow from its own first term 32*M*(3*3) = 288*M; 2,058 = 2,048 + 10 would count a single 3x3 filter and bias
 * per multiplier, where a depthwise convolution has one filter per input channel.
 */
class DepthwiseSeparableBlockTest {

    private static ComputationGraphConfiguration onDepth32(DepthwiseSeparableBlock block) {
        ComputationGraphConfiguration.GraphBuilder graph = new NeuralNetConfiguration.Builder().seed(1)
                .graphBuilder().addInputs("input");
        String output = block.addTo(graph, "separable", "input");
        return graph.setOutputs(output).setInputTypes(InputType.convolutional(16, 16, 32)).build();
    }

    @Test
    void ordinaryConvolutionOfTheLectureHas18496Parameters() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().graphBuilder().addInputs("input")
                .addLayer("conv", Layers.conv("conv", 64, 3, 1, 1, Activation.RELU), "input")
                .setOutputs("conv").setInputTypes(InputType.convolutional(16, 16, 32)).build();

        assertThat(NetworkParameters.of(conf).total()).isEqualTo(18_496);
    }

    @Test
    void separableWithMultiplier1Has2400Parameters() {
        assertThat(NetworkParameters.of(onDepth32(new DepthwiseSeparableBlock(3, 1, 64, 1))).total())
                .isEqualTo(2_336 + 64);
    }

    @Test
    void separableWithMultiplier2Has4736Parameters() {
        assertThat(NetworkParameters.of(onDepth32(new DepthwiseSeparableBlock(3, 2, 64, 1))).total())
                .isEqualTo(2 * 2_336 + 64);
    }

    @Test
    void strideTwoHalvesTheSizeAndTheDepthBecomesTheFilters() {
        DepthwiseSeparableBlock block = new DepthwiseSeparableBlock(3, 1, 64, 2);
        ComputationGraph net = new ComputationGraph(onDepth32(block));
        net.init();

        INDArray output = net.outputSingle(Nd4j.rand(2, 32, 16, 16));

        assertThat(block.outputChannels()).isEqualTo(64);
        assertThat(output.shape()).containsExactly(2, 64, 8, 8);
        assertThat(output.minNumber().doubleValue()).as("ReLU").isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void rejectsEvenKernelsAndEmptyLayers() {
        assertThatThrownBy(() -> new DepthwiseSeparableBlock(2, 1, 64, 1))
                .isInstanceOf(InvalidGeometryException.class).hasMessageContaining("even");
        assertThatThrownBy(() -> new DepthwiseSeparableBlock(3, 0, 64, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("depthMultiplier must be positive");
        assertThatThrownBy(() -> new DepthwiseSeparableBlock(3, 1, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("filters must be positive");
        assertThatThrownBy(() -> new DepthwiseSeparableBlock(3, 1, 64, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stride must be positive");
    }
}
