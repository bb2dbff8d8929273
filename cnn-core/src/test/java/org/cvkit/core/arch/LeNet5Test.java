package org.cvkit.core.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

class LeNet5Test {

    private static final long SEED = 7;

    /*
     * 28x28x1 padded to 32x32, every layer with biases:
     * C1   5*5*1*6    + 6   =    156
     * C3   5*5*6*16   + 16  =  2,416
     * C5   5*5*16*120 + 120 = 48,120
     * F6   120*84     + 84  = 10,164
     * out  84*10      + 10  =    850
     * sum                    = 61,706
     */
    @Test
    void fashionMnistGeometryHasTheHandCountedParameters() {
        MultiLayerConfiguration conf = LeNet5.configuration(28, 28, 1, 10, SEED, new Adam(1e-3));
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();

        assertThat(net.numParams()).isEqualTo(61_706);
        assertThat(NetworkParameters.of(conf)).isEqualTo(new NetworkParameters(61_706, 0));
    }

    /*
     * Batch normalization replaces each convolution's 6 + 16 + 120 = 142 biases by a scale and shift per channel
     * (61,706 - 142 + 2 * 142 trainable) and keeps a running mean and variance per channel (2 * 142 more).
     */
    @Test
    void batchNormalizationAndDropoutKeepTheGeometry() {
        MultiLayerConfiguration conf = LeNet5.configuration(28, 28, 1, 10, SEED, new Adam(1e-3),
                new LeNet5.Options(true, 0.75));
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();

        assertThat(NetworkParameters.of(conf)).isEqualTo(new NetworkParameters(61_706 + 3 * 142, 2 * 142));
        assertThat(net.getLayerWiseConfigurations().getConf(net.getnLayers() - 1).getLayer().getIDropout())
                .isEqualTo(new Dropout(0.75));
        INDArray output = net.output(Nd4j.rand(2, 1, 28, 28));
        assertThat(output.shape()).containsExactly(2, 10);
        // batch normalization is followed by ReLU, which DL4J would not apply if it were set on the norm layer
        List<INDArray> activations = net.feedForward(Nd4j.rand(2, 1, 28, 28).subi(0.5), false);
        assertThat(activations.get(4).minNumber().doubleValue()).as("c1 after batch norm and ReLU")
                .isGreaterThanOrEqualTo(0);
    }

    @Test
    void optionsNameTheArchitecture() {
        assertThat(LeNet5.Options.CLASSIC.architectureName()).isEqualTo("LeNet-5");
        assertThat(new LeNet5.Options(true, 1).architectureName()).isEqualTo("LeNet-5 with batch normalization");
        assertThat(new LeNet5.Options(true, 0.5).architectureName())
                .isEqualTo("LeNet-5 with batch normalization and dropout (keep 0.50)");
    }

    @Test
    void optionsNeedAProbabilityToKeepUnits() {
        assertThatThrownBy(() -> new LeNet5.Options(false, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> new LeNet5.Options(false, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a28x28ImageSeesTheClassic32x32Geometry() {
        MultiLayerNetwork net = new MultiLayerNetwork(LeNet5.configuration(28, 28, 1, 10, SEED, new Adam(1e-3)));
        net.init();

        List<INDArray> activations = net.feedForward(Nd4j.rand(2, 1, 28, 28), false);

        // activations.get(0) is the input; then pad, c1, s2, c3, s4, c5, f6, output
        assertThat(activations.get(1).shape()).containsExactly(2, 1, 32, 32);
        assertThat(activations.get(2).shape()).containsExactly(2, 6, 28, 28);
        assertThat(activations.get(3).shape()).containsExactly(2, 6, 14, 14);
        assertThat(activations.get(4).shape()).containsExactly(2, 16, 10, 10);
        assertThat(activations.get(5).shape()).containsExactly(2, 16, 5, 5);
        assertThat(activations.get(6).shape()).containsExactly(2, 120, 1, 1);
        assertThat(activations.get(7).shape()).containsExactly(2, 84);
        assertThat(activations.get(8).shape()).containsExactly(2, 10);
    }

    @Test
    void outputIsAProbabilityPerClass() {
        MultiLayerNetwork net = new MultiLayerNetwork(LeNet5.configuration(32, 32, 3, 4, SEED, new Adam(1e-3)));
        net.init();

        INDArray output = net.output(Nd4j.rand(3, 3, 32, 32));

        assertThat(output.shape()).containsExactly(3, 4);
        for (int row = 0; row < 3; row++) {
            assertThat(output.getRow(row).sumNumber().doubleValue()).isCloseTo(1.0, within(1e-5));
        }
    }

    /*
     * 32x32 needs no padding layer, so the counts equal the 28x28 ones with 3 input channels in C1:
     * C1 5*5*3*6 + 6 = 456 instead of 156, output 84*4 + 4 = 340 instead of 850:
     * 61,706 - 156 + 456 - 850 + 340 = 61,496.
     */
    @Test
    void classicInputNeedsNoPadding() {
        MultiLayerConfiguration conf = LeNet5.configuration(32, 32, 3, 4, SEED, new Adam(1e-3));

        assertThat(conf.getConfs()).hasSize(7);
        assertThat(NetworkParameters.of(conf).total()).isEqualTo(61_496);
    }

    /*
     * 64x48: C1 60x44, S2 30x22, C3 26x18, S4 13x9, C5 9x5x120, so F6 reads 9*5*120 = 5,400 values:
     * F6 5,400*84 + 84 = 453,684 instead of 10,164 -> 61,706 - 10,164 + 453,684 = 505,226.
     */
    @Test
    void largerInputsKeepTheirSizeAndF6ReadsTheWholeC5Map() {
        MultiLayerConfiguration conf = LeNet5.configuration(64, 48, 1, 10, SEED, new Adam(1e-3));
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();

        List<INDArray> activations = net.feedForward(Nd4j.rand(1, 1, 64, 48), false);

        assertThat(activations.get(5).shape()).containsExactly(1, 120, 9, 5);
        assertThat(net.numParams()).isEqualTo(505_226);
    }

    @Test
    void rejectsSettingsThatDescribeNoImageOrNoClassifier() {
        Adam adam = new Adam(1e-3);
        assertThatThrownBy(() -> LeNet5.configuration(0, 28, 1, 10, SEED, adam))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("height");
        assertThatThrownBy(() -> LeNet5.configuration(28, -1, 1, 10, SEED, adam))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("width");
        assertThatThrownBy(() -> LeNet5.configuration(28, 28, 0, 10, SEED, adam))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channels");
        assertThatThrownBy(() -> LeNet5.configuration(28, 28, 1, 1, SEED, adam))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 classes");
        assertThatThrownBy(() -> LeNet5.configuration(28, 28, 1, 10, SEED, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("updater");
    }
}
