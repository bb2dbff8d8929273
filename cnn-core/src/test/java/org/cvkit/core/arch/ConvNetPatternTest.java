package org.cvkit.core.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cvkit.core.arithmetic.InvalidGeometryException;
import org.cvkit.core.arithmetic.PoolSpec;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ConvNetPatternTest {

    /** The lecture's example: INPUT -> [CONV->RELU->CONV->RELU->POOL]*3 -> [FC->RELU]*2 -> FC. */
    private static ConvNetPattern.Builder lectureExample() {
        return ConvNetPattern.builder(32, 32, 3, 10)
                .convsPerStage(2).stages(3).filters(32, 64, 128)
                .hiddenDense(2, 256);
    }

    @Test
    void lectureExampleHasTheLayersOfThePattern() {
        List<NeuralNetConfiguration> layers = lectureExample().build().getConfs();

        assertThat(layers).extracting(conf -> conf.getLayer().getClass().getSimpleName()).containsExactly(
                "ConvolutionLayer", "ConvolutionLayer", "SubsamplingLayer",
                "ConvolutionLayer", "ConvolutionLayer", "SubsamplingLayer",
                "ConvolutionLayer", "ConvolutionLayer", "SubsamplingLayer",
                "DenseLayer", "DenseLayer", "OutputLayer");
        assertThat(layers).extracting(conf -> conf.getLayer().getLayerName()).containsExactly(
                "stage1_conv1", "stage1_conv2", "stage1_pool", "stage2_conv1", "stage2_conv2", "stage2_pool",
                "stage3_conv1", "stage3_conv2", "stage3_pool", "fc1", "fc2", "output");
        assertThat(((ConvolutionLayer) layers.get(3).getLayer()).getNOut()).isEqualTo(64);
        assertThat(((DenseLayer) layers.get(9).getLayer()).getNOut()).isEqualTo(256);
        assertThat(((OutputLayer) layers.get(11).getLayer()).getNOut()).isEqualTo(10);
    }

    /*
     * 3x3 "same" convolutions, 2x2 pools: 32 -> 16 -> 8 -> 4.
     * stage 1: 3*3*3*32 + 32 = 896,       3*3*32*32 + 32 = 9,248
     * stage 2: 3*3*32*64 + 64 = 18,496 (the lecture's 64 filters 3x3 over depth 32), 3*3*64*64 + 64 = 36,928
     * stage 3: 3*3*64*128 + 128 = 73,856, 3*3*128*128 + 128 = 147,584
     * fc1: 4*4*128*256 + 256 = 524,544; fc2: 256*256 + 256 = 65,792; output: 256*10 + 10 = 2,570
     * sum: 879,914
     */
    @Test
    void lectureExampleHasTheHandCountedParametersAndShapes() {
        MultiLayerNetwork net = new MultiLayerNetwork(lectureExample().build());
        net.init();

        List<INDArray> activations = net.feedForward(Nd4j.rand(2, 3, 32, 32), false);

        assertThat(net.numParams()).isEqualTo(879_914);
        assertThat(activations.get(3).shape()).containsExactly(2, 32, 16, 16);
        assertThat(activations.get(9).shape()).containsExactly(2, 128, 4, 4);
        assertThat(activations.get(12).shape()).containsExactly(2, 10);
    }

    @Test
    void oneFilterCountServesEveryStage() {
        MultiLayerConfiguration conf = ConvNetPattern.builder(16, 16, 1, 2)
                .convsPerStage(1).stages(2).filters(8).hiddenDense(0, 1).build();

        assertThat(conf.getConfs()).extracting(NeuralNetConfiguration::getLayer)
                .filteredOn(ConvolutionLayer.class::isInstance)
                .extracting(layer -> ((ConvolutionLayer) layer).getNOut())
                .containsExactly(8L, 8L);
    }

    /* K = 0 and no pooling: one 5x5 "same" convolution 5*5*1*4 + 4 = 104 keeps 6x6, so the softmax reads
     * 6*6*4 = 144 values: 144*3 + 3 = 435; sum 539. */
    @Test
    void withoutPoolingAndHiddenLayersOnlyConvolutionsFeedTheSoftmax() {
        MultiLayerConfiguration conf = ConvNetPattern.builder(6, 6, 1, 3)
                .convsPerStage(1).stages(1).filters(4).hiddenDense(0, 1)
                .optKernelSize(5).optNoPool().build();

        assertThat(conf.getConfs()).noneMatch(layer -> layer.getLayer() instanceof SubsamplingLayer);
        assertThat(NetworkParameters.of(conf).total()).isEqualTo(539);
    }

    /* 3x3 pooling with stride 3: 27 -> 9 -> 3, so the output reads 3*3*8 = 72 values. */
    @Test
    void customPoolingShrinksByItsStride() {
        MultiLayerNetwork net = new MultiLayerNetwork(ConvNetPattern.builder(27, 27, 1, 2)
                .convsPerStage(1).stages(2).filters(8).hiddenDense(0, 1)
                .optPool(PoolSpec.of(3, 3)).build());
        net.init();

        List<INDArray> activations = net.feedForward(Nd4j.rand(1, 1, 27, 27), false);

        assertThat(activations.get(4).shape()).containsExactly(1, 8, 3, 3);
    }

    @Test
    void buildNamesEveryMissingRequiredSetting() {
        assertThatThrownBy(() -> ConvNetPattern.builder(32, 32, 3, 10).stages(1).filters(8).hiddenDense(0, 1)
                .build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("convsPerStage(N)");
        assertThatThrownBy(() -> ConvNetPattern.builder(32, 32, 3, 10).convsPerStage(1).filters(8)
                .hiddenDense(0, 1).build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("stages(M)");
        assertThatThrownBy(() -> ConvNetPattern.builder(32, 32, 3, 10).convsPerStage(1).stages(1)
                .hiddenDense(0, 1).build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("filters");
        assertThatThrownBy(() -> ConvNetPattern.builder(32, 32, 3, 10).convsPerStage(1).stages(1).filters(8)
                .build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("hiddenDense(K, units)");
    }

    @Test
    void rejectsNonsensicalCounts() {
        ConvNetPattern.Builder builder = ConvNetPattern.builder(32, 32, 3, 10);
        assertThatThrownBy(() -> builder.convsPerStage(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("convsPerStage (N) must be positive but is 0");
        assertThatThrownBy(() -> builder.stages(-2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stages (M) must be positive but is -2");
        assertThatThrownBy(builder::filters).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one count for all stages or one count per stage");
        assertThatThrownBy(() -> builder.filters(16, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("every filter count must be positive but is 0");
        assertThatThrownBy(() -> builder.hiddenDense(-1, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> builder.hiddenDense(1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hiddenDense units must be positive");
        assertThatThrownBy(() -> builder.optKernelSize(4)).isInstanceOf(InvalidGeometryException.class)
                .hasMessageContaining("even");
        assertThatThrownBy(() -> builder.optPool(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("optNoPool()");
        assertThatThrownBy(() -> builder.optUpdater(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("updater");
        assertThatThrownBy(() -> ConvNetPattern.builder(32, 0, 3, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inputWidth");
        assertThatThrownBy(() -> ConvNetPattern.builder(32, 32, 3, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2 classes");
    }

    @Test
    void filterCountsMustMatchTheStages() {
        assertThatThrownBy(() -> ConvNetPattern.builder(32, 32, 3, 10)
                .convsPerStage(2).stages(3).filters(32, 64).hiddenDense(1, 64).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("filters has 2 counts but there are 3 stages (M)");
    }

    /* 28 -> 14 -> 7, and a 2x2 window with stride 2 cannot tile 7 columns: (7 - 2)/2 + 1 = 3.5. */
    @Test
    void namesTheStageWhosePoolingDoesNotFit() {
        assertThatThrownBy(() -> ConvNetPattern.builder(28, 28, 1, 10)
                .convsPerStage(2).stages(3).filters(16).hiddenDense(1, 64).build())
                .isInstanceOf(InvalidGeometryException.class)
                .hasMessageContaining("stage 3 of 3 pools a 7x7 map")
                .hasMessageContaining("3.50 is not a whole number")
                .hasMessageContaining("fewer stages (M)");
    }

    /* Pooling 3x3 with stride 3 on 4 columns leaves one column over: (4 - 3)/3 + 1 = 1.33. */
    @Test
    void stageGeometryErrorsSuggestAFix() {
        assertThatThrownBy(() -> ConvNetPattern.builder(4, 4, 1, 10)
                .convsPerStage(1).stages(1).filters(4).hiddenDense(0, 1).optPool(PoolSpec.of(3, 3)).build())
                .isInstanceOf(InvalidGeometryException.class)
                .hasMessageContaining("stage 1 of 1 pools a 4x4 map")
                .hasMessageContaining("1.33 is not a whole number")
                .hasMessageContaining("use stride 1, or padding 1");
    }
}
