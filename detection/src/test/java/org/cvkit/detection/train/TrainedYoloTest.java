package org.cvkit.detection.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.core.image.ImageConversions;
import org.cvkit.core.image.Normalization;
import org.cvkit.core.io.ModelFileException;
import org.cvkit.core.io.ModelIO;
import org.cvkit.core.io.ModelMetadata;
import org.cvkit.detection.geometry.BoxShape;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.detection.geometry.NmsConfig;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.learning.config.NoOp;

class TrainedYoloTest {

    private static final List<BoxShape> ANCHORS = List.of(new BoxShape(0.5, 1), new BoxShape(1, 0.5));
    private static final List<String> CLASSES = List.of("Trouser", "Bag");
    /** Every candidate, so that an untrained network gives detections to compare. */
    private static final NmsConfig ALL = new NmsConfig(0, 0.5, false);

    @TempDir
    Path temp;

    @Test
    void aSavedModelLoadsAsTheSameDetector() throws IOException {
        TrainedYolo model = untrained();
        Path file = temp.resolve("yolo.zip");

        model.save(file);
        TrainedYolo loaded = TrainedYolo.load(file);

        assertThat(loaded.head()).isEqualTo(model.head());
        assertThat(loaded.head().anchors()).isEqualTo(ANCHORS);
        assertThat(loaded.classNames()).isEqualTo(CLASSES);
        assertThat(loaded.inputSize()).isEqualTo(new ImageSize(32, 32));
        assertThat(loaded.metadata().architecture()).isEqualTo(YoloNetwork.ARCHITECTURE);
        assertThat(loaded.nms()).isEqualTo(TrainedYolo.DEFAULT_NMS);
        try (Mat image = noise(64, 48, CV_8UC3)) {
            List<Detection> before = model.withNms(ALL).detect(image);
            assertThat(before).isNotEmpty();
            assertThat(loaded.withNms(ALL).detect(image)).isEqualTo(before);
        }
    }

    @Test
    void detectionsLieInTheImagesPixelsAndBatchesAgreeWithSingleImages() {
        TrainedYolo model = untrained().withNms(ALL);
        try (Mat image = noise(64, 48, CV_8UC3)) {
            List<Detection> single = model.detect(image);
            BufferedImage copy = ImageConversions.toBufferedImage(image);

            List<List<Detection>> batch = model.detect(List.of(copy, copy), ALL);

            assertThat(single).allSatisfy(d -> {
                assertThat(d.box().x1()).isBetween(0.0, 64.0);
                assertThat(d.box().x2()).isBetween(0.0, 64.0);
                assertThat(d.box().y2()).isBetween(0.0, 48.0);
                assertThat(d.label()).isEqualTo(CLASSES.get(d.classIndex()));
            });
            assertThat(batch).hasSize(2);
            assertThat(batch.get(1)).hasSameSizeAs(single);
            for (int i = 0; i < single.size(); i++) {
                assertThat(batch.get(1).get(i).box().x1()).isCloseTo(single.get(i).box().x1(), within(1e-4));
                assertThat(batch.get(1).get(i).score()).isCloseTo(single.get(i).score(), within(1e-6));
            }
            assertThat(model.detect(List.of(), ALL)).isEmpty();
        }
    }

    @Test
    void rejectsImagesThatAreNotBgr() {
        TrainedYolo model = untrained();
        try (Mat empty = new Mat(); Mat gray = noise(32, 32, CV_8UC1)) {
            assertThatThrownBy(() -> model.detect(empty))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("an empty one");
            assertThatThrownBy(() -> model.detect(gray))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8-bit BGR");
        }
    }

    @Test
    void loadingAModelWithoutAYoloHeadFailsClearly() throws IOException {
        MultiLayerNetwork classifier = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new OutputLayer.Builder().nIn(4).nOut(2).build()).build());
        classifier.init();
        Path file = temp.resolve("classifier.zip");
        ModelIO.save(classifier, metadata(CLASSES), file, false);

        assertThatThrownBy(() -> TrainedYolo.load(file)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("holds no usable YOLO network")
                .hasMessageContaining("not a CnnLossLayer with a YoloLoss");
    }

    @Test
    void rejectsMetadataThatDoesNotFitTheNetwork() {
        MultiLayerNetwork network = network();
        assertThatThrownBy(() -> new TrainedYolo(network, metadata(List.of("Trouser"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 classes but 1 class names");
        ModelMetadata gray = new ModelMetadata("x", new ModelMetadata.InputShape(32, 32, 1), ModelMetadata.GRAY,
                Normalization.UNIT, CLASSES, ModelMetadata.Provenance.now(1, "none", 0));
        assertThatThrownBy(() -> new TrainedYolo(network, gray))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RGB input");
    }

    @Test
    void imagesAreStretchedToTheInput() {
        try (Mat image = noise(64, 48, CV_8UC3); Mat input = TrainedYolo.toInput(image, new ImageSize(32, 32));
             Mat same = TrainedYolo.toInput(input, new ImageSize(32, 32))) {
            assertThat(new int[] {input.cols(), input.rows(), input.type()}).containsExactly(32, 32, CV_8UC3);
            assertThat(same.address()).isNotEqualTo(input.address());
            assertThat(same.cols()).isEqualTo(32);
        }
    }

    private static TrainedYolo untrained() {
        return new TrainedYolo(network(), metadata(CLASSES));
    }

    private static MultiLayerNetwork network() {
        MultiLayerNetwork network = new MultiLayerNetwork(YoloNetwork.configuration(32, 4,
                YoloLoss.course(ANCHORS, 2), 3, new NoOp()));
        network.init();
        return network;
    }

    private static ModelMetadata metadata(List<String> classes) {
        return new ModelMetadata(YoloNetwork.ARCHITECTURE, new ModelMetadata.InputShape(32, 32, 3),
                ModelMetadata.RGB, Normalization.UNIT, classes, ModelMetadata.Provenance.now(1, "none", 0));
    }

    private static Mat noise(int width, int height, int type) {
        Mat image = new Mat(height, width, type);
        byte[] bytes = new byte[width * height * image.channels()];
        new Random(4).nextBytes(bytes);
        image.data().put(bytes);
        return image;
    }
}
