package org.cvkit.core.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trainable counts are torchvision's published figures (no convolution biases; batch normalization's gamma and
 * beta). DL4J also stores each batch-normalization layer's running mean and variance, two per channel; the channel
 * sums below are worked out by hand. Keras' ResNet50 figure, 25,636,712, is torchvision's plus a bias per
 * convolution filter (26,560, one per normalized channel) plus the running statistics (53,120).
 */
class ResNetTest {

    /*
     * Normalized channels: stem 64; layer1 2 blocks * 2 * 64 = 256; layer2 2*2*128 + 128 (shortcut) = 640;
     * layer3 2*2*256 + 256 = 1,280; layer4 2*2*512 + 512 = 2,560; sum 4,800, so 9,600 running statistics.
     */
    @Test
    void resNet18HasTorchvisionsTrainableParameters() {
        NetworkParameters count = NetworkParameters.of(ResNet.builder(ResNet.Depth.RESNET_18).build());

        assertThat(count.trainable()).isEqualTo(11_689_512);
        assertThat(count.batchNormStatistics()).isEqualTo(9_600);
    }

    /*
     * Normalized channels: stem 64; layer1 3*2*64 = 384; layer2 4*2*128 + 128 = 1,152; layer3 6*2*256 + 256 = 3,328;
     * layer4 3*2*512 + 512 = 3,584; sum 8,512, so 17,024 running statistics.
     */
    @Test
    void resNet34HasTorchvisionsTrainableParameters() {
        NetworkParameters count = NetworkParameters.of(ResNet.builder(ResNet.Depth.RESNET_34).build());

        assertThat(count.trainable()).isEqualTo(21_797_672);
        assertThat(count.batchNormStatistics()).isEqualTo(17_024);
    }

    /*
     * Normalized channels: stem 64; layer1 3*(64+64+256) + 256 = 1,408; layer2 4*(128+128+512) + 512 = 3,584;
     * layer3 6*(256+256+1,024) + 1,024 = 10,240; layer4 3*(512+512+2,048) + 2,048 = 11,264; sum 26,560,
     * so 53,120 running statistics: 25,557,032 + 53,120 = 25,610,152 in all.
     */
    @Test
    void resNet50HasTorchvisionsTrainableParameters() {
        NetworkParameters count = NetworkParameters.of(ResNet.builder(ResNet.Depth.RESNET_50).build());

        assertThat(count).isEqualTo(new NetworkParameters(25_610_152, 53_120));
        assertThat(count.trainable()).isEqualTo(25_557_032);
        assertThat(count.trainable() + 26_560 + 53_120).as("Keras' count").isEqualTo(25_636_712);
    }

    @Test
    void resNet18MapsA224ImageTo1000ClassesThroughA7x7x512Map() {
        ComputationGraphConfiguration conf = ResNet.builder(ResNet.Depth.RESNET_18).build();

        Map<String, InputType> types = conf.getLayerActivationTypes(InputType.convolutional(224, 224, 3));

        assertThat(types.get("stem_relu").getShape(false)).containsExactly(64, 112, 112);
        assertThat(types.get("stem_pool").getShape(false)).containsExactly(64, 56, 56);
        assertThat(types.get("layer2_0_relu").getShape(false)).containsExactly(128, 28, 28);
        assertThat(types.get("layer4_1_relu").getShape(false)).containsExactly(512, 7, 7);
        assertThat(types.get("fc").getShape(false)).containsExactly(1000);
    }

    @Test
    void resNet50EndsWith2048Channels() {
        ComputationGraphConfiguration conf = ResNet.builder(ResNet.Depth.RESNET_50).build();

        Map<String, InputType> types = conf.getLayerActivationTypes(InputType.convolutional(224, 224, 3));

        assertThat(types.get("layer1_2_relu").getShape(false)).containsExactly(256, 56, 56);
        assertThat(types.get("layer4_2_relu").getShape(false)).containsExactly(2048, 7, 7);
    }

    @Test
    void shortcutsAreProjectedOnlyWhereSizeOrDepthChanges() {
        ComputationGraphConfiguration basic = ResNet.builder(ResNet.Depth.RESNET_18).build();
        ComputationGraphConfiguration bottleneck = ResNet.builder(ResNet.Depth.RESNET_50).build();

        assertThat(basic.getVertices()).doesNotContainKey("layer1_0_shortcut_conv")
                .containsKeys("layer2_0_shortcut_conv", "layer3_0_shortcut_conv", "layer4_0_shortcut_conv")
                .doesNotContainKey("layer2_1_shortcut_conv");
        assertThat(bottleneck.getVertices()).containsKey("layer1_0_shortcut_conv")
                .doesNotContainKey("layer1_1_shortcut_conv");
    }

    /* ReLU follows batch normalization where the block design has one, and not before the addition. */
    @Test
    void resNet18RunsOnASmallBatch() {
        ComputationGraph net = new ComputationGraph(ResNet.builder(ResNet.Depth.RESNET_18)
                .optInputShape(64, 64, 3).optClasses(10).optSeed(3).build());
        net.init();

        Map<String, INDArray> activations = net.feedForward(Nd4j.randn(2, 3, 64, 64), false);

        assertThat(activations.get("fc").shape()).containsExactly(2, 10);
        assertThat(activations.get("layer4_1_relu").shape()).containsExactly(2, 512, 2, 2);
        assertThat(activations.get("stem_relu").minNumber().doubleValue()).isGreaterThanOrEqualTo(0.0);
        assertThat(activations.get("layer1_0_1_relu").minNumber().doubleValue()).isGreaterThanOrEqualTo(0.0);
        assertThat(activations).doesNotContainKey("layer1_0_2_relu");
        assertThat(activations.get("layer1_0_2_bn").minNumber().doubleValue()).isNegative();
        assertThat(activations.get("layer1_0_relu").minNumber().doubleValue()).isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void resNet50RunsOnASmallBatch() {
        ComputationGraph net = new ComputationGraph(ResNet.builder(ResNet.Depth.RESNET_50)
                .optInputShape(32, 32, 3).optClasses(10).build());
        net.init();

        INDArray probabilities = net.outputSingle(Nd4j.randn(1, 3, 32, 32));

        assertThat(probabilities.shape()).containsExactly(1, 10);
    }

    @Test
    void rejectsInputsTooSmallAndTooFewClasses() {
        ResNet.Builder builder = ResNet.builder(ResNet.Depth.RESNET_34);
        assertThatThrownBy(() -> builder.optInputShape(224, 16, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inputWidth must be at least 32 but is 16");
        assertThatThrownBy(() -> builder.optClasses(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2 classes");
        assertThatThrownBy(() -> ResNet.builder(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("RESNET_18");
    }
}
