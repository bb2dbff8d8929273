package org.cvkit.detection.sliding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.core.image.ImageTensorFormat;
import org.cvkit.core.image.ImageTensors;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class FullyConvolutionalConverterTest {

    private static final double TOLERANCE = 1e-5;

    @ParameterizedTest(name = "{0}x{0} image -> {1}x{1}x4")
    @CsvSource({"16, 2", "28, 8"})
    void courseExampleScoresEveryWindowAtStrideTwoInOnePass(int imageSide, int mapSide) {
        MultiLayerNetwork classifier = CourseExampleClassifier.build(7);
        FullyConvolutionalNetwork convolutional = FullyConvolutionalConverter.convert(classifier,
                CourseExampleClassifier.INPUT, CourseExampleClassifier.CHANNELS);
        try (Mat image = RandomImages.noise(imageSide, imageSide, 3, imageSide)) {
            assertThat(convolutional.strideX()).isEqualTo(2);
            assertThat(convolutional.strideY()).isEqualTo(2);
            try (INDArray tensor = ImageTensors.toTensor(image, ImageTensorFormat.BGR_UNIT);
                 INDArray map = convolutional.scoreMap(tensor)) {
                assertThat(map.shape()).containsExactly(1, 4, mapSide, mapSide);
            }

            List<ScoredWindow> byCrops = new CropSlidingWindow(classifier, CourseExampleClassifier.INPUT,
                    ImageTensorFormat.BGR_UNIT).score(image, List.of(Window.square(14, 2)));
            List<ScoredWindow> inOnePass = convolutional.score(image, ImageTensorFormat.BGR_UNIT);

            assertSameWindowsAndScores(inOnePass, byCrops, mapSide * mapSide);
        }
    }

    @Test
    void convertsOtherArchitecturesWithTheirOwnStride() {
        // 18x18 gray -> conv 3x3 -> BN -> pool 2 -> conv 3x3 stride 1 -> pool 2 -> dense -> dropout -> output:
        // 18 -> 16 -> 8 -> 6 -> 3, so the head sees 3x3x6 and windows step by 4.
        MultiLayerNetwork classifier = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(3).updater(new Adam(0.05))
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.LEAKYRELU).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.AVG).kernelSize(2, 2)
                        .stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(6).activation(Activation.TANH).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2)
                        .stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(10).activation(Activation.SIGMOID).build())
                .layer(new DropoutLayer.Builder(0.5).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(3)
                        .activation(Activation.SIGMOID).build())
                .setInputType(InputType.convolutional(18, 18, 1))
                .build());
        classifier.init();
        // A few training steps move the weights and the batch-normalization statistics away from their start.
        for (int step = 0; step < 3; step++) {
            classifier.fit(Nd4j.rand(8, 1, 18, 18), Nd4j.rand(8, 3).gt(0.5).castTo(Nd4j.defaultFloatingPointType()));
        }

        FullyConvolutionalNetwork convolutional = FullyConvolutionalConverter.convert(classifier,
                new ImageSize(18, 18), 1);

        assertThat(convolutional.strideX()).isEqualTo(4);
        try (Mat image = RandomImages.noise(30, 26, 1, 5)) {
            List<ScoredWindow> byCrops = new CropSlidingWindow(classifier, new ImageSize(18, 18),
                    ImageTensorFormat.BGR_UNIT).score(image, List.of(Window.square(18, 4)));
            // (30 - 18) / 4 + 1 = 4 columns, (26 - 18) / 4 + 1 = 3 rows.
            assertSameWindowsAndScores(convolutional.score(image, ImageTensorFormat.BGR_UNIT), byCrops, 12);
        }
    }

    @Test
    void leavesTheClassifierUnchanged() {
        MultiLayerNetwork classifier = CourseExampleClassifier.build(1);
        INDArray before = classifier.params().dup();

        FullyConvolutionalConverter.convert(classifier, CourseExampleClassifier.INPUT, 3);

        assertThat(classifier.params()).isEqualTo(before);
    }

    @Test
    void rejectsTheWrongInputSize() {
        MultiLayerNetwork classifier = CourseExampleClassifier.build(1);

        assertThatThrownBy(() -> FullyConvolutionalConverter.convert(classifier, new ImageSize(16, 16), 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("first dense layer expects").hasMessageContaining("the classifier was built for");
        assertThatThrownBy(() -> FullyConvolutionalConverter.convert(classifier, new ImageSize(3, 3), 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("h=0,w=0,c=16");
        assertThatThrownBy(() -> FullyConvolutionalConverter.convert(classifier, CourseExampleClassifier.INPUT, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channels");
    }

    @Test
    void rejectsChannelsLastClassifiers() {
        MultiLayerNetwork classifier = network(new NeuralNetConfiguration.Builder().list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(2).dataFormat(CNN2DFormat.NHWC).build())
                .layer(new OutputLayer.Builder().nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(5, 5, 1, CNN2DFormat.NHWC)));

        assertThatThrownBy(() -> FullyConvolutionalConverter.convert(classifier, new ImageSize(5, 5), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only NCHW");
    }

    @Test
    void rejectsNetworksWithoutAFullyConnectedHead() {
        MultiLayerNetwork globalPooled = network(new NeuralNetConfiguration.Builder().list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(2).build())
                .layer(new GlobalPoolingLayer.Builder().build())
                .layer(new OutputLayer.Builder().nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(5, 5, 1)));
        MultiLayerNetwork denseOnly = network(new NeuralNetConfiguration.Builder().list()
                .layer(new DenseLayer.Builder().nOut(3).build())
                .layer(new OutputLayer.Builder().nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(5, 5, 1)));

        assertThatThrownBy(() -> FullyConvolutionalConverter.convert(globalPooled, new ImageSize(5, 5), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 1 (GlobalPoolingLayer) cannot be converted");
        assertThatThrownBy(() -> FullyConvolutionalConverter.convert(denseOnly, new ImageSize(5, 5), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no convolutional layers");
    }

    @Test
    void rejectsHeadsNotEndingInAnOutputLayer() {
        MultiLayerNetwork classifier = network(new NeuralNetConfiguration.Builder().list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(2).build())
                .layer(new DenseLayer.Builder().nOut(2).activation(Activation.SOFTMAX).build())
                .layer(new LossLayer.Builder().build())
                .setInputType(InputType.convolutional(5, 5, 1)));

        assertThatThrownBy(() -> FullyConvolutionalConverter.convert(classifier, new ImageSize(5, 5), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ending in one OutputLayer");
    }

    @Test
    void rejectsDenseLayersWithLayerNormalization() {
        MultiLayerNetwork classifier = network(new NeuralNetConfiguration.Builder().list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(2).build())
                .layer(new DenseLayer.Builder().nOut(4).hasLayerNorm(true).build())
                .layer(new OutputLayer.Builder().nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(5, 5, 1)));

        assertThatThrownBy(() -> FullyConvolutionalConverter.convert(classifier, new ImageSize(5, 5), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 1 (DenseLayer) cannot be converted");
    }

    @Test
    void rejectsClassifiersTakingFlattenedImages() {
        MultiLayerNetwork classifier = network(new NeuralNetConfiguration.Builder().list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(2).build())
                .layer(new OutputLayer.Builder().nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(5, 5, 1)));

        assertThatThrownBy(() -> FullyConvolutionalConverter.convert(classifier, new ImageSize(5, 5), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 0 has an input pre-processor FeedForwardToCnnPreProcessor");
    }

    @Test
    void scoringRejectsImagesSmallerThanAWindow() {
        FullyConvolutionalNetwork convolutional = FullyConvolutionalConverter.convert(
                CourseExampleClassifier.build(1), CourseExampleClassifier.INPUT, 3);

        try (Mat image = RandomImages.noise(20, 13, 3, 1)) {
            assertThatThrownBy(() -> convolutional.score(image, ImageTensorFormat.BGR_UNIT))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("20x13 image is smaller than the 14x14 window");
        }
    }

    private static void assertSameWindowsAndScores(List<ScoredWindow> actual, List<ScoredWindow> expected,
                                                   int count) {
        assertThat(actual).hasSize(count);
        assertThat(expected).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(actual.get(i).window()).isEqualTo(expected.get(i).window());
            assertThat(actual.get(i).scores()).containsExactly(expected.get(i).scores(), within(TOLERANCE));
        }
    }

    private static MultiLayerNetwork network(NeuralNetConfiguration.ListBuilder layers) {
        MultiLayerNetwork network = new MultiLayerNetwork(layers.build());
        network.init();
        return network;
    }
}
