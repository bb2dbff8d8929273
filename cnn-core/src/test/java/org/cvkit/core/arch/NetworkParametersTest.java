package org.cvkit.core.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;

class NetworkParametersTest {

    /*
     * conv 3x3 over 2 channels, 5 filters: 3*3*2*5 + 5 = 95; batch normalization of 5 channels: gamma, beta
     * (10 trainable) and mean, variance (10 statistics); softmax over 5*4*4 = 80 values to 3 classes: 243.
     * 95 + 20 + 243 = 358 in all, 10 of them statistics.
     */
    @Test
    void countsWhatInitAllocatesAndSeparatesTheRunningStatistics() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().list()
                .layer(Layers.conv("conv", 5, 3, 1, 1, Activation.RELU))
                .layer(new BatchNormalization.Builder().build())
                .layer(Layers.softmaxOutput("output", 3))
                .setInputType(InputType.convolutional(4, 4, 2))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();

        NetworkParameters count = NetworkParameters.of(conf);

        assertThat(count).isEqualTo(new NetworkParameters(358, 10));
        assertThat(count.trainable()).isEqualTo(348);
        assertThat(net.numParams()).isEqualTo(358);
    }

    @Test
    void rejectsStatisticsOutsideTheTotal() {
        assertThatThrownBy(() -> new NetworkParameters(10, 11)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 <= batchNormStatistics <= total");
        assertThatThrownBy(() -> new NetworkParameters(10, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
