package org.cvkit.core.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FilterGridTest {

    private static final int WHITE = 0xFFFFFF;

    @TempDir
    Path directory;

    @Test
    void drawsAGreyFilterStretchedFromBlackToWhite() {
        INDArray weights = Nd4j.createFromArray(-1f, 0f, 0.5f, 1f).reshape(1, 1, 2, 2);

        BufferedImage image = FilterGrid.render(weights, 2);

        // 1 tile of 2x2 weights at scale 2 = 4x4 pixels, plus a 1-pixel white frame.
        assertThat(image.getWidth()).isEqualTo(6);
        assertThat(image.getHeight()).isEqualTo(6);
        int[][] expected = {
                {WHITE, WHITE, WHITE, WHITE, WHITE, WHITE},
                {WHITE, grey(0), grey(0), grey(128), grey(128), WHITE},
                {WHITE, grey(0), grey(0), grey(128), grey(128), WHITE},
                {WHITE, grey(191), grey(191), grey(255), grey(255), WHITE},
                {WHITE, grey(191), grey(191), grey(255), grey(255), WHITE},
                {WHITE, WHITE, WHITE, WHITE, WHITE, WHITE}};
        assertThat(pixels(image)).isDeepEqualTo(expected);
    }

    @Test
    void drawsThreeChannelFiltersInColourNormalizedOverAllChannels() {
        // channel 0 (red) = [2, 0], channel 1 (green) = [0, 1], channel 2 (blue) = [-2, 0]: range -2..2
        INDArray weights = Nd4j.createFromArray(2f, 0f, 0f, 1f, -2f, 0f).reshape(1, 3, 1, 2);

        BufferedImage image = FilterGrid.render(weights, 1);

        assertThat(image.getWidth()).isEqualTo(4);
        assertThat(image.getHeight()).isEqualTo(3);
        assertThat(image.getRGB(1, 1) & WHITE).isEqualTo(rgb(255, 128, 0));
        assertThat(image.getRGB(2, 1) & WHITE).isEqualTo(rgb(128, 191, 128));
    }

    @Test
    void laysOutFiveFiltersThreePerRow() {
        INDArray weights = Nd4j.rand(5, 1, 3, 3);

        BufferedImage image = FilterGrid.render(weights, 4);

        // 3 columns of 12-pixel tiles and 2 rows, with 1-pixel lines around and between them
        assertThat(image.getWidth()).isEqualTo(3 * 12 + 4);
        assertThat(image.getHeight()).isEqualTo(2 * 12 + 3);
        assertThat(image.getRGB(image.getWidth() - 5, image.getHeight() - 5) & WHITE)
                .as("the sixth cell is empty").isEqualTo(WHITE);
    }

    @Test
    void drawsEachChannelSeparatelyWhenThereAreNeitherOneNorThree() {
        INDArray weights = Nd4j.rand(4, 2, 5, 5);
        BufferedImage image = FilterGrid.render(weights, 1);
        // 8 tiles: 3 per row, 3 rows
        assertThat(image.getWidth()).isEqualTo(3 * 5 + 4);
        assertThat(image.getHeight()).isEqualTo(3 * 5 + 4);
    }

    @Test
    void constantFiltersAreBlack() {
        BufferedImage image = FilterGrid.render(Nd4j.ones(1, 1, 1, 1).muli(3), 1);
        assertThat(image.getRGB(1, 1) & WHITE).isEqualTo(0);
    }

    @Test
    void takesTheFirstConvolutionLayerOfANetwork() {
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(6).build())
                .layer(new SubsamplingLayer.Builder().kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).build())
                .layer(new OutputLayer.Builder().nOut(2).build())
                .setInputType(InputType.convolutional(12, 12, 3))
                .build());
        network.init();

        INDArray weights = FilterGrid.firstConvolutionWeights(network);

        assertThat(weights.shape()).containsExactly(6, 3, 5, 5);
        assertThat(weights).isEqualTo(network.getLayer(0).getParam("W"));
    }

    @Test
    void saysWhenANetworkHasNoConvolution() {
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(3).build())
                .layer(new OutputLayer.Builder().nIn(3).nOut(2).build())
                .build());
        network.init();
        assertThatThrownBy(() -> FilterGrid.firstConvolutionWeights(network))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no 2-D convolution layer");
    }

    @Test
    void rejectsWeightsThatAreNotFourDimensional() {
        assertThatThrownBy(() -> FilterGrid.render(Nd4j.ones(3, 3), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[filters, channels, height, width]");
        assertThatThrownBy(() -> FilterGrid.render(Nd4j.ones(1, 1, 3, 3), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scale must be a positive");
    }

    @Test
    void writesAPngAndNoTemporaryFiles() throws IOException {
        Path png = directory.resolve("pictures/filters.png");
        FilterGrid.write(Nd4j.rand(6, 3, 5, 5), 3, png);

        BufferedImage read = ImageIO.read(png.toFile());
        assertThat(read.getWidth()).isEqualTo(3 * 15 + 4);
        assertThat(read.getHeight()).isEqualTo(2 * 15 + 3);
        try (Stream<Path> files = Files.list(png.getParent())) {
            assertThat(files).containsExactly(png);
        }
    }

    static int grey(int level) {
        return rgb(level, level, level);
    }

    static int rgb(int red, int green, int blue) {
        return red << 16 | green << 8 | blue;
    }

    static int[][] pixels(BufferedImage image) {
        int[][] pixels = new int[image.getHeight()][image.getWidth()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                pixels[y][x] = image.getRGB(x, y) & WHITE;
            }
        }
        return pixels;
    }
}
