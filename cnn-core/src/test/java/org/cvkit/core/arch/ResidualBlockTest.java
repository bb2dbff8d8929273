package org.cvkit.core.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

class ResidualBlockTest {

    private static ComputationGraphConfiguration alone(ResidualBlock block, int size) {
        ComputationGraphConfiguration.GraphBuilder graph = new NeuralNetConfiguration.Builder().seed(1)
                .graphBuilder().addInputs("input");
        String output = block.addTo(graph, "block", "input");
        return graph.setOutputs(output)
                .setInputTypes(InputType.convolutional(size, size, block.inputChannels())).build();
    }

    /*
     * Two 3x3 convolutions 64 -> 64 without biases: 2 * 3*3*64*64 = 73,728; two batch normalizations of 64 channels:
     * 2 * 64 * (gamma, beta) = 256 trainable, 2 * 64 * (mean, variance) = 256 statistics.
     */
    @Test
    void basicBlockKeepingItsShapeHasAnIdentityShortcut() {
        ResidualBlock block = new ResidualBlock(ResidualBlock.Kind.BASIC, 64, 64, 1);

        NetworkParameters count = NetworkParameters.of(alone(block, 8));

        assertThat(block.projectsShortcut()).isFalse();
        assertThat(block.outputChannels()).isEqualTo(64);
        assertThat(count).isEqualTo(new NetworkParameters(73_728 + 256 + 256, 256));
    }

    /*
     * torchvision's ResNet-50 layer1[0]: 1x1 64->64 (4,096), 3x3 64->64 (36,864), 1x1 64->256 (16,384) and the
     * projection 1x1 64->256 (16,384): 73,728 weights; normalized channels 64 + 64 + 256 + 256 = 640, so
     * 1,280 trainable (75,008 with the weights) and 1,280 statistics.
     */
    @Test
    void bottleneckBlockWideningTheDepthProjectsItsShortcut() {
        ResidualBlock block = new ResidualBlock(ResidualBlock.Kind.BOTTLENECK, 64, 64, 1);

        NetworkParameters count = NetworkParameters.of(alone(block, 8));

        assertThat(block.projectsShortcut()).isTrue();
        assertThat(block.outputChannels()).isEqualTo(256);
        assertThat(count.trainable()).isEqualTo(75_008);
        assertThat(count.batchNormStatistics()).isEqualTo(1_280);
    }

    @Test
    void strideTwoProjectsTheShortcutAndHalvesTheSize() {
        ResidualBlock block = new ResidualBlock(ResidualBlock.Kind.BASIC, 16, 16, 2);
        ComputationGraph net = new ComputationGraph(alone(block, 8));
        net.init();

        INDArray output = net.outputSingle(Nd4j.randn(2, 16, 8, 8));

        assertThat(block.projectsShortcut()).isTrue();
        assertThat(output.shape()).containsExactly(2, 16, 4, 4);
    }

    /* With the last batch normalization's gamma and beta at zero, g(x) = 0 and the block computes relu(x). */
    @Test
    void blockAddsItsInputToTheResidual() {
        ComputationGraph net = new ComputationGraph(alone(new ResidualBlock(ResidualBlock.Kind.BASIC, 4, 4, 1), 5));
        net.init();
        net.getLayer("block_2_bn").setParam("gamma", Nd4j.zeros(1, 4));
        net.getLayer("block_2_bn").setParam("beta", Nd4j.zeros(1, 4));
        INDArray input = Nd4j.randn(3, 4, 5, 5);

        INDArray output = net.outputSingle(input);

        assertThat(output).isEqualTo(Transforms.relu(input, true));
    }

    @Test
    void rejectsMissingKindAndEmptySizes() {
        assertThatThrownBy(() -> new ResidualBlock(null, 64, 64, 1))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("Kind.BASIC");
        assertThatThrownBy(() -> new ResidualBlock(ResidualBlock.Kind.BASIC, 0, 64, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inputChannels must be positive");
        assertThatThrownBy(() -> new ResidualBlock(ResidualBlock.Kind.BASIC, 64, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("width must be positive");
        assertThatThrownBy(() -> new ResidualBlock(ResidualBlock.Kind.BOTTLENECK, 64, 64, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stride must be positive");
    }
}
