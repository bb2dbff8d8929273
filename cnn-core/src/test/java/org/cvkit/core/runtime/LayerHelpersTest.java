package org.cvkit.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNSubsamplingHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

/** The build ships ND4J with oneDNN and the tests run with the helpers enabled, as the cvkit command does. */
class LayerHelpersTest {

    @Test
    void helpersAreActiveWithTheOneDnnBuild() {
        LayerHelpers.enable();

        assertThat(LayerHelpers.active()).isTrue();
    }

    @Test
    void convolutionAndPoolingLayersGetTheOneDnnHelpers() {
        LayerHelpers.enable();
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new OutputLayer.Builder().nOut(2).build())
                .setInputType(InputType.convolutional(8, 8, 1)).build());
        network.init();

        assertThat(network.getLayer(0).getHelper()).isInstanceOf(MKLDNNConvHelper.class);
        assertThat(network.getLayer(1).getHelper()).isInstanceOf(MKLDNNSubsamplingHelper.class);
    }
}
