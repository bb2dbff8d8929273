package org.cvkit.core.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.cvkit.core.viz.FilterGridTest.grey;
import static org.cvkit.core.viz.FilterGridTest.pixels;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FeatureMapGridTest {

    private static final int W = 0xFFFFFF;
    /** One 2x2 grey input. */
    private static final INDArray INPUT = Nd4j.createFromArray(1f, 2f, 3f, 5f).reshape(1, 1, 2, 2);

    @TempDir
    Path directory;

    /**
     * A 1x1 convolution with two filters, weights 2 and -1, no bias and no activation, so its maps are
     * 2*input and -input, followed by a dense output layer.
     */
    private static MultiLayerNetwork doublingAndNegating() {
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new ConvolutionLayer.Builder(1, 1).nOut(2).activation(Activation.IDENTITY).build())
                .layer(new OutputLayer.Builder().nOut(2).build())
                .setInputType(InputType.convolutional(2, 2, 1))
                .build());
        network.init();
        network.getLayer(0).setParam("W", Nd4j.createFromArray(2f, -1f).reshape(2, 1, 1, 1));
        network.getLayer(0).setParam("b", Nd4j.zeros(1, 2));
        return network;
    }

    @Test
    void returnsTheChosenLayersActivations() {
        INDArray activations = FeatureMapGrid.activations(doublingAndNegating(), 0, INPUT);

        assertThat(activations.shape()).containsExactly(1, 2, 2, 2);
        assertThat(activations.ravel().toFloatVector())
                .containsExactly(new float[] {2, 4, 6, 10, -1, -2, -3, -5}, within(1e-6f));
    }

    @Test
    void drawsOneGreyTilePerChannel() {
        INDArray activations = FeatureMapGrid.activations(doublingAndNegating(), 0, INPUT);

        BufferedImage image = FeatureMapGrid.render(activations, 1);

        // input 1,2,3,5 stretched: 0, 255/4, 2*255/4, 255 -> 0, 64, 128, 255; the negated map is the reverse
        int[][] expected = {
                {W, W, W, W, W, W, W},
                {W, grey(0), grey(64), W, grey(255), grey(191), W},
                {W, grey(128), grey(255), W, grey(128), grey(0), W},
                {W, W, W, W, W, W, W}};
        assertThat(pixels(image)).isDeepEqualTo(expected);
    }

    @Test
    void readsNamedVerticesOfAGraph() {
        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder().graphBuilder()
                .addInputs("image")
                .addLayer("conv", new ConvolutionLayer.Builder(1, 1).nOut(3).build(), "image")
                .addLayer("out", new OutputLayer.Builder().nOut(2).build(), "conv")
                .setOutputs("out")
                .setInputTypes(InputType.convolutional(2, 2, 1))
                .build());
        graph.init();

        INDArray activations = FeatureMapGrid.activations(graph, "conv", INPUT);

        assertThat(activations.shape()).containsExactly(1, 3, 2, 2);
        assertThatThrownBy(() -> FeatureMapGrid.activations(graph, "pool", INPUT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no vertex 'pool'")
                .hasMessageContaining("conv");
    }

    @Test
    void rejectsALayerIndexOutOfRange() {
        assertThatThrownBy(() -> FeatureMapGrid.activations(doublingAndNegating(), 2, INPUT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer index must be in 0..1 but is 2");
    }

    @Test
    void rejectsActivationsThatAreNotMapsOfOneInput() {
        INDArray dense = FeatureMapGrid.activations(doublingAndNegating(), 1, INPUT);
        assertThatThrownBy(() -> FeatureMapGrid.render(dense, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[1, channels, height, width]")
                .hasMessageContaining("[1, 2]");
        assertThatThrownBy(() -> FeatureMapGrid.render(Nd4j.ones(2, 3, 4, 4), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pass one input");
    }

    @Test
    void writesAPng() throws IOException {
        Path png = directory.resolve("maps.png");
        FeatureMapGrid.write(Nd4j.rand(1, 16, 6, 6), 2, png);
        BufferedImage read = ImageIO.read(png.toFile());
        assertThat(read.getWidth()).isEqualTo(4 * 12 + 5);
        assertThat(read.getHeight()).isEqualTo(4 * 12 + 5);
    }
}
