package org.cvkit.detection.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cvkit.core.layers.FastLeakyReLU;
import org.cvkit.detection.geometry.BoxShape;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

class YoloNetworkTest {

    @Test
    void theGridIsTheInputOverTheStrideOfSixteen() {
        assertThat(YoloNetwork.gridSize(96)).isEqualTo(6);
        assertThat(YoloNetwork.gridSize(128)).isEqualTo(8);
        assertThatThrownBy(() -> YoloNetwork.gridSize(100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple of 16");
        assertThatThrownBy(() -> YoloNetwork.gridSize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple of 16");
    }

    @Test
    void outputsAnchorsTimesFivePlusClassesPlanesPerCell() {
        // 3 anchors and 4 classes: 3 * (5 + 4) = 27 planes on a 96 / 16 = 6 grid.
        YoloLoss loss = YoloLoss.course(List.of(new BoxShape(1, 2), new BoxShape(2, 1), new BoxShape(2, 2)), 4);
        MultiLayerNetwork network = new MultiLayerNetwork(YoloNetwork.configuration(96, 4, loss, 7, new NoOp()));
        network.init();

        try (INDArray input = Nd4j.rand(2, 3, 96, 96); INDArray output = network.output(input)) {
            assertThat(output.shape()).containsExactly(2, 27, 6, 6);
        }
        // 5 convolutions with batch norm and leaky ReLU, 4 pools, the 1x1 head and the loss layer
        assertThat(network.getnLayers()).isEqualTo(5 * 3 + 4 + 2);
    }

    /** DL4J's batch normalization ignores its activation: without a layer of its own, the network has none. */
    @Test
    void everyBatchNormalizationIsFollowedByLeakyRelu() {
        YoloLoss loss = YoloLoss.course(List.of(new BoxShape(1, 1)), 2);
        List<Layer> layers = YoloNetwork.configuration(96, 4, loss, 7, new NoOp()).getConfs().stream()
                .map(NeuralNetConfiguration::getLayer).toList();

        int leaky = 0;
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof BatchNormalization) {
                assertThat(layers.get(i + 1)).isInstanceOfSatisfying(ActivationLayer.class, activation ->
                        assertThat(activation.getActivationFn()).isEqualTo(new FastLeakyReLU(0.1)));
                leaky++;
            }
        }
        assertThat(leaky).isEqualTo(5);
    }
}
