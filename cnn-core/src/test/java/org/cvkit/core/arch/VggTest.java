package org.cvkit.core.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Counts come from the configurations; only small-input networks are allocated. */
class VggTest {

    @Test
    void vgg16WithTheImageNetTopHasThePublishedParameterCount() {
        MultiLayerConfiguration conf = Vgg.builder(Vgg.Depth.VGG_16).build();

        assertThat(NetworkParameters.of(conf)).isEqualTo(new NetworkParameters(138_357_544, 0));
    }

    @Test
    void vgg19WithTheImageNetTopHasThePublishedParameterCount() {
        MultiLayerConfiguration conf = Vgg.builder(Vgg.Depth.VGG_19).build();

        assertThat(NetworkParameters.of(conf).total()).isEqualTo(143_667_240);
    }

    @Test
    void vgg16WithoutTopHasThePublishedParameterCount() {
        MultiLayerConfiguration conf = Vgg.builder(Vgg.Depth.VGG_16).optIncludeTop(false).build();

        assertThat(NetworkParameters.of(conf).total()).isEqualTo(14_714_688);
    }

    /*
     * VGG-19 adds block3_conv4 (3*3*256*256 + 256 = 590,080), block4_conv4 and block5_conv4
     * (3*3*512*512 + 512 = 2,359,808 each): 14,714,688 + 5,309,696 = 20,024,384, the Keras figure.
     */
    @Test
    void vgg19WithoutTopAddsThreeConvolutions() {
        MultiLayerConfiguration conf = Vgg.builder(Vgg.Depth.VGG_19).optIncludeTop(false).build();

        assertThat(NetworkParameters.of(conf).total()).isEqualTo(20_024_384);
    }

    @Test
    void featureMapBeforeTheTopIs7x7x512On224Input() {
        MultiLayerConfiguration conf = Vgg.builder(Vgg.Depth.VGG_16).build();

        List<InputType> types = conf.getLayerActivationTypes(InputType.convolutional(224, 224, 3));

        int lastPool = conf.getConfs().size() - 4;
        assertThat(conf.getConf(lastPool).getLayer().getLayerName()).isEqualTo("block5_pool");
        assertThat(types.get(lastPool).getShape(false)).containsExactly(512, 7, 7);
        assertThat(types.get(types.size() - 1).getShape(false)).containsExactly(1000);
    }

    @Test
    void layersCarryKerasNames() {
        MultiLayerConfiguration conf = Vgg.builder(Vgg.Depth.VGG_16).build();

        assertThat(conf.getConfs()).extracting(layer -> layer.getLayer().getLayerName())
                .startsWith("block1_conv1", "block1_conv2", "block1_pool", "block2_conv1")
                .endsWith("block5_conv3", "block5_pool", "fc1", "fc2", "predictions")
                .hasSize(13 + 5 + 3);
    }

    /* 32x32 input: five poolings leave 1x1x512. */
    @Test
    void featureExtractorRunsOnSmallInput() {
        MultiLayerNetwork net = new MultiLayerNetwork(Vgg.builder(Vgg.Depth.VGG_16)
                .optIncludeTop(false).optInputShape(32, 32, 3).build());
        net.init();

        INDArray features = net.output(Nd4j.rand(2, 3, 32, 32));

        assertThat(features.shape()).containsExactly(2, 512, 1, 1);
        assertThat(net.numParams()).isEqualTo(14_714_688);
    }

    /*
     * 64x64 input and 5 classes: block5_pool is 2x2x512 = 2,048 values.
     * fc1 2,048*4,096 + 4,096 = 8,392,704; fc2 4,096*4,096 + 4,096 = 16,781,312; predictions 4,096*5 + 5 = 20,485.
     * 14,714,688 + 8,392,704 + 16,781,312 + 20,485 = 39,909,189.
     */
    @Test
    void classifierRunsOnSmallInputWithFewClasses() {
        MultiLayerNetwork net = new MultiLayerNetwork(Vgg.builder(Vgg.Depth.VGG_16)
                .optInputShape(64, 64, 3).optClasses(5).build());
        net.init();

        INDArray probabilities = net.output(Nd4j.rand(2, 3, 64, 64));

        assertThat(net.numParams()).isEqualTo(39_909_189);
        assertThat(probabilities.shape()).containsExactly(2, 5);
        assertThat(probabilities.sumNumber().doubleValue()).isCloseTo(2.0, within(1e-4));
    }

    @Test
    void rejectsInputsTooSmallForFivePoolingsAndContradictorySettings() {
        Vgg.Builder builder = Vgg.builder(Vgg.Depth.VGG_16);
        assertThatThrownBy(() -> builder.optInputShape(31, 64, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inputHeight must be at least 32 but is 31");
        assertThatThrownBy(() -> builder.optInputShape(64, 64, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inputChannels");
        assertThatThrownBy(() -> builder.optClasses(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2 classes");
        assertThatThrownBy(() -> Vgg.builder(Vgg.Depth.VGG_19).optClasses(10).optIncludeTop(false).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("optClasses(10) needs the top");
        assertThatThrownBy(() -> Vgg.builder(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("VGG_16");
    }
}
