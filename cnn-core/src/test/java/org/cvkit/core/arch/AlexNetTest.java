package org.cvkit.core.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

class AlexNetTest {

    private static final MultiLayerConfiguration IMAGENET = AlexNet.configuration(1000, 1, new Adam(1e-4));

    /*
     * Single-tower AlexNet with 1000 classes, every layer with biases:
     * conv1 11*11*3*96 + 96     =     34,944 (the lecture's count)
     * conv2 5*5*96*256 + 256    =    614,656
     * conv3 3*3*256*384 + 384   =    885,120
     * conv4 3*3*384*384 + 384   =  1,327,488
     * conv5 3*3*384*256 + 256   =    884,992
     * fc6   6*6*256*4096 + 4096 = 37,752,832
     * fc7   4096*4096 + 4096    = 16,781,312
     * fc8   4096*1000 + 1000    =  4,097,000
     * sum                        = 62,378,344, the figure commonly published for this variant. The paper's two-GPU
     * original splits conv2, conv4 and conv5 into two groups, halving their weights (307,200 + 663,552 + 442,368
     * fewer): 60,965,224.
     */
    @Test
    void hasTheHandCountedParameters() {
        assertThat(NetworkParameters.of(IMAGENET).total()).isEqualTo(62_378_344);
        assertThat(IMAGENET.getConf(0).getLayer().initializer().numParams(IMAGENET.getConf(0))).isEqualTo(34_944);
    }

    @Test
    void followsTheLecturesShapes() {
        List<InputType> types = IMAGENET.getLayerActivationTypes(InputType.convolutional(227, 227, 3));

        assertThat(IMAGENET.getConfs()).extracting(conf -> conf.getLayer().getLayerName()).containsExactly(
                "conv1", "pool1", "norm1", "conv2", "pool2", "norm2", "conv3", "conv4", "conv5", "pool5",
                "fc6", "fc7", "fc8");
        assertThat(types.get(0).getShape(false)).containsExactly(96, 55, 55);
        assertThat(types.get(1).getShape(false)).containsExactly(96, 27, 27);
        assertThat(types.get(3).getShape(false)).containsExactly(256, 27, 27);
        assertThat(types.get(4).getShape(false)).containsExactly(256, 13, 13);
        assertThat(types.get(8).getShape(false)).containsExactly(256, 13, 13);
        assertThat(types.get(9).getShape(false)).containsExactly(256, 6, 6);
        assertThat(types.get(12).getShape(false)).containsExactly(1000);
    }

    /* 10 classes: fc8 4096*10 + 10 = 40,970 instead of 4,097,000: 62,378,344 - 4,097,000 + 40,970 = 58,322,314. */
    @Test
    void runsOnOneImage() {
        MultiLayerNetwork net = new MultiLayerNetwork(AlexNet.configuration(10, 1, new Adam(1e-4)));
        net.init();

        assertThat(net.numParams()).isEqualTo(58_322_314);
        assertThat(net.output(Nd4j.rand(1, 3, 227, 227)).shape()).containsExactly(1, 10);
    }

    @Test
    void rejectsFewerThanTwoClassesAndAMissingUpdater() {
        assertThatThrownBy(() -> AlexNet.configuration(1, 1, new Adam()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 classes");
        assertThatThrownBy(() -> AlexNet.configuration(10, 1, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("updater");
    }
}
