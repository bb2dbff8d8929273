package org.cvkit.core.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.cvkit.core.layers.GlobalWeightedAveragePooling.Normalization;
import org.cvkit.core.layers.GlobalWeightedAveragePooling.WeightMaps;
import org.cvkit.core.testing.DoublePrecision;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

@ExtendWith(DoublePrecision.class)
class GlobalWeightedAveragePoolingTest {

    /** A network that is only the pooling layer, over {@code channels} maps of 2x2. */
    private static MultiLayerNetwork poolingAlone(int channels, WeightMaps maps, Normalization normalization) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE).list()
                .layer(GlobalWeightedAveragePooling.builder().optWeightMaps(maps).optNormalization(normalization)
                        .build())
                .setInputType(InputType.convolutional(2, 2, channels))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** DL4J's setParam does not reach SameDiff layers; the parameter views are written instead. */
    private static INDArray weights(MultiLayerNetwork net) {
        return net.getParam("0_" + GlobalWeightedAveragePooling.WEIGHT_KEY);
    }

    /* Shared softmax map, W = ln 2: scores ln2 * [1, 2, 3, 4], weights 2^x / 30 = [2, 4, 8, 16] / 30,
     * output (1*2 + 2*4 + 3*8 + 4*16) / 30 = 98 / 30. */
    @Test
    void softmaxWeightsFollowTheScoresByHand() {
        MultiLayerNetwork net = poolingAlone(1, WeightMaps.SHARED, Normalization.SOFTMAX);
        weights(net).assign(Nd4j.create(new double[][] {{Math.log(2)}}));

        INDArray output = net.output(Nd4j.create(new double[] {1, 2, 3, 4}, 1, 1, 2, 2));

        assertThat(output.shape()).containsExactly(1, 1);
        assertThat(output.getDouble(0, 0)).isCloseTo(98.0 / 30, within(1e-12));
    }

    /*
     * Per-channel maps over x0 = [1, 2, 3, 4], x1 = [4, 3, 2, 1] with W = [[0, ln2], [0, 0]]:
     * map 0 scores channel 1 (ln2 * [4, 3, 2, 1], weights [16, 8, 4, 2] / 30) and averages channel 0:
     * (16 + 16 + 12 + 8) / 30 = 52 / 30; map 1 is flat, so channel 1 gets its plain mean 2.5.
     */
    @Test
    void eachChannelIsAveragedWithItsOwnMapScoredFromAllChannels() {
        MultiLayerNetwork net = poolingAlone(2, WeightMaps.PER_CHANNEL, Normalization.SOFTMAX);
        weights(net).assign(Nd4j.create(new double[][] {{0, Math.log(2)}, {0, 0}}));

        INDArray output = net.output(Nd4j.create(new double[] {1, 2, 3, 4, 4, 3, 2, 1}, 1, 2, 2, 2));

        assertThat(output.getDouble(0, 0)).isCloseTo(52.0 / 30, within(1e-12));
        assertThat(output.getDouble(0, 1)).isCloseTo(2.5, within(1e-12));
    }

    /* Shared sigmoid map, W = 1, b = -2: weights sigmoid([-1, 0, 1, 2]) normalized, computed here directly. */
    @Test
    void sigmoidWeightsAreNormalizedToSumOne() {
        MultiLayerNetwork net = poolingAlone(1, WeightMaps.SHARED, Normalization.SIGMOID);
        weights(net).assign(Nd4j.create(new double[][] {{1}}));
        net.getParam("0_" + GlobalWeightedAveragePooling.BIAS_KEY).assign(Nd4j.create(new double[][] {{-2}}));
        double[] x = {1, 2, 3, 4};
        double weighted = 0;
        double total = 0;
        for (double value : x) {
            double weight = 1 / (1 + Math.exp(-(value - 2)));
            weighted += weight * value;
            total += weight;
        }

        INDArray output = net.output(Nd4j.create(x, 1, 1, 2, 2));

        assertThat(output.getDouble(0, 0)).isCloseTo(weighted / total, within(1e-12));
    }

    @ParameterizedTest
    @CsvSource({"PER_CHANNEL, SOFTMAX", "PER_CHANNEL, SIGMOID", "SHARED, SOFTMAX", "SHARED, SIGMOID"})
    void startsAsGlobalAveragePooling(WeightMaps maps, Normalization normalization) {
        MultiLayerNetwork net = poolingAlone(3, maps, normalization);
        INDArray input = Nd4j.rand(DataType.DOUBLE, 4, 3, 2, 2);

        assertThat(net.output(input).equalsWithEps(input.mean(2, 3), 1e-12)).isTrue();
    }

    /* Per-channel over C = 5: W is 5x5 (25); shared: W is 1x5 (5); sigmoid adds one bias per map. */
    @ParameterizedTest
    @CsvSource({"PER_CHANNEL, SOFTMAX, 25", "PER_CHANNEL, SIGMOID, 30", "SHARED, SOFTMAX, 5", "SHARED, SIGMOID, 6"})
    void learnsOneWeightPerMapAndChannel(WeightMaps maps, Normalization normalization, long expected) {
        assertThat(poolingAlone(5, maps, normalization).numParams()).isEqualTo(expected);
    }

    /* A convolution in front checks the gradient the layer passes back to its input as well as its own. */
    @ParameterizedTest
    @CsvSource({"PER_CHANNEL, SOFTMAX", "PER_CHANNEL, SIGMOID", "SHARED, SOFTMAX", "SHARED, SIGMOID"})
    void passesDl4jsGradientCheck(WeightMaps maps, Normalization normalization) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .dataType(DataType.DOUBLE)
                .seed(12345)
                .updater(new NoOp())
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new ConvolutionLayer.Builder(2, 2).nOut(2).activation(Activation.TANH).build())
                .layer(GlobalWeightedAveragePooling.builder().optWeightMaps(maps).optNormalization(normalization)
                        .build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(4, 5, 1))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        Nd4j.getRandom().setSeed(12345);
        net.setParams(Nd4j.randn(DataType.DOUBLE, 1, net.numParams()).muli(0.5));
        INDArray input = Nd4j.randn(DataType.DOUBLE, 3, 1, 4, 5);
        INDArray labels = Nd4j.eye(3).castTo(DataType.DOUBLE);

        boolean passed = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net)
                .input(input).labels(labels).epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-9));

        assertThat(passed).isTrue();
    }

    @Test
    void configurationSurvivesAJsonRoundTrip() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().list()
                .layer(GlobalWeightedAveragePooling.builder().optWeightMaps(WeightMaps.SHARED)
                        .optNormalization(Normalization.SIGMOID).name("gwap").build())
                .setInputType(InputType.convolutional(7, 7, 16))
                .build();

        MultiLayerConfiguration restored = MultiLayerConfiguration.fromJson(conf.toJson());

        GlobalWeightedAveragePooling layer = (GlobalWeightedAveragePooling) restored.getConf(0).getLayer();
        assertThat(restored).isEqualTo(conf);
        assertThat(layer.getWeightMaps()).isEqualTo(WeightMaps.SHARED);
        assertThat(layer.getNormalization()).isEqualTo(Normalization.SIGMOID);
        assertThat(layer.getChannels()).isEqualTo(16);
        assertThat(layer.getLayerName()).isEqualTo("gwap");
    }

    @Test
    void outputsOneValuePerChannel() {
        GlobalWeightedAveragePooling layer = GlobalWeightedAveragePooling.builder().build();

        assertThat(layer.getOutputType(0, InputType.convolutional(7, 9, 32))).isEqualTo(InputType.feedForward(32));
    }

    @Test
    void rejectsInputThatIsNotAnNchwImage() {
        GlobalWeightedAveragePooling layer = GlobalWeightedAveragePooling.builder().build();

        assertThatThrownBy(() -> layer.setNIn(InputType.feedForward(10), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs convolutional input");
        assertThatThrownBy(() -> layer.getOutputType(0, InputType.convolutional(4, 4, 3, CNN2DFormat.NHWC)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs NCHW input");
        assertThatThrownBy(() -> GlobalWeightedAveragePooling.builder().optWeightMaps(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("PER_CHANNEL or SHARED");
        assertThatThrownBy(() -> GlobalWeightedAveragePooling.builder().optNormalization(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("SOFTMAX or SIGMOID");
    }
}
