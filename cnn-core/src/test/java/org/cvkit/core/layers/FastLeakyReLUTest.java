package org.cvkit.core.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.cvkit.core.testing.DoublePrecision;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

@ExtendWith(DoublePrecision.class)
class FastLeakyReLUTest {

    @Test
    void handWorkedValues() {
        INDArray x = Nd4j.create(new double[] {-2, -0.5, 0, 0.5, 3});

        INDArray y = new FastLeakyReLU(0.1).getActivation(x.dup(), false);

        assertThat(y.toDoubleVector()).containsExactly(-0.2, -0.05, 0, 0.5, 3);
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void equalsNd4jsLeakyReluExactly(DataType type) {
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.randn(type, 2, 16, 20, 20);

        INDArray expected = new ActivationLReLU(0.1).getActivation(x.dup(), false);
        INDArray actual = new FastLeakyReLU(0.1).getActivation(x.dup(), false);

        assertThat(actual.equals(expected)).isTrue();
    }

    @Test
    void backpropScalesTheGradientBelowZeroByTheSlope() {
        INDArray x = Nd4j.create(new double[] {-2, -0.5, 0, 0.5, 3});
        INDArray epsilon = Nd4j.create(new double[] {1, 2, 3, 4, 5});

        INDArray gradient = new FastLeakyReLU(0.2).backprop(x.dup(), epsilon.dup()).getFirst();

        assertThat(gradient.toDoubleVector()).containsExactly(new double[] {0.2, 0.4, 0.6, 4, 5}, within(1e-15));
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void backpropEqualsNd4jsLeakyRelu(DataType type) {
        Nd4j.getRandom().setSeed(4);
        INDArray x = Nd4j.randn(type, 2, 8, 10, 10);
        INDArray epsilon = Nd4j.randn(type, 2, 8, 10, 10);

        INDArray expected = new ActivationLReLU(0.1).backprop(x.dup(), epsilon.dup()).getFirst();
        INDArray actual = new FastLeakyReLU(0.1).backprop(x.dup(), epsilon.dup()).getFirst();

        // ND4J's leaky ReLU derivative holds the slope as a float, even in double precision
        assertThat(actual.sub(expected).amaxNumber().doubleValue()).isLessThan(1e-7);
    }

    private static MultiLayerConfiguration convolutionWith(IActivation activation) {
        return new NeuralNetConfiguration.Builder().seed(5).dataType(DataType.DOUBLE).updater(new NoOp()).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(3).activation(activation).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(5, 5, 2))
                .build();
    }

    @Test
    void aNetworkWithItPassesTheGradientCheck() {
        MultiLayerNetwork net = new MultiLayerNetwork(convolutionWith(new FastLeakyReLU(0.1)));
        net.init();
        INDArray input = Nd4j.randn(DataType.DOUBLE, 3, 2, 5, 5);
        INDArray labels = Nd4j.create(new double[][] {{1, 0}, {0, 1}, {1, 0}});

        boolean passed = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net)
                .input(input).labels(labels).epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-9));

        assertThat(passed).isTrue();
    }

    @Test
    void configurationSurvivesAJsonRoundTrip() {
        MultiLayerConfiguration conf = convolutionWith(new FastLeakyReLU(0.25));

        MultiLayerConfiguration restored = MultiLayerConfiguration.fromJson(conf.toJson());

        assertThat(((ConvolutionLayer) restored.getConf(0).getLayer()).getActivationFn())
                .isEqualTo(new FastLeakyReLU(0.25));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.5, Double.NaN})
    void rejectsSlopesWhereTheMaximumIsNotLeakyRelu(double alpha) {
        assertThatThrownBy(() -> new FastLeakyReLU(alpha)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[0, 1]");
    }
}
