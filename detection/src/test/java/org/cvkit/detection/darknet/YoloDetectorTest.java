package org.cvkit.detection.darknet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.detection.geometry.NmsConfig;
import org.cvkit.zoo.format.darknet.DarknetCfg;
import org.cvkit.zoo.format.darknet.DarknetWeightsReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

class YoloDetectorTest {

    /** A 2x2 network: a 1x1 convolution with zero weights whose biases are the raw YOLO outputs. */
    private static final String CFG = """
            [net]
            width=2
            height=2
            channels=3

            [convolutional]
            filters=6
            size=1
            activation=linear

            [yolo]
            mask=0
            anchors=1,1
            classes=1
            """;

    @Test
    void readsOneTrimmedNamePerNonBlankLine(@TempDir Path directory) throws IOException {
        Path names = Files.writeString(directory.resolve("test.names"), "person\r\n\n  bicycle \ncar");
        assertThat(YoloDetector.readNames(names)).containsExactly("person", "bicycle", "car");
    }

    @Test
    void stretchesBgrImagesToRgbInTheUnitInterval() {
        YoloDetector detector = new YoloDetector(network(new float[6]), List.of("object"));
        try (Scalar bgr = new Scalar(51, 102, 255, 0); Mat image = new Mat(7, 5, CV_8UC3, bgr);
             INDArray input = detector.preprocess(image)) {
            assertThat(input.shape()).containsExactly(1, 3, 2, 2);
            assertThat(input.getDouble(0, 0, 1, 1)).isCloseTo(1.0, within(1e-6));
            assertThat(input.getDouble(0, 1, 0, 0)).isCloseTo(0.4, within(1e-6));
            assertThat(input.getDouble(0, 2, 0, 1)).isCloseTo(0.2, within(1e-6));
        }
    }

    @Test
    void decodesTheRawOutputsOntoTheImage() {
        // biases tx = ty = 0 (centre of each cell), tw = th = ln 2 (two anchors of 1 px), objectness and class
        // logits of +10: every cell finds a 2x2-input-pixel box with score sigmoid(10)^2
        float[] weights = {0, 0, (float) Math.log(2), (float) Math.log(2), 10, 10};
        YoloDetector detector = new YoloDetector(network(weights), List.of("object"));
        try (Scalar black = new Scalar(0, 0, 0, 0); Mat image = new Mat(20, 40, CV_8UC3, black)) {
            // on a 40x20 image the cells are 20x10 pixels and every box is 40x20 around its cell's centre; any
            // two overlap by at most 1/3, below the IoU threshold, so all four survive and are then clipped
            List<Detection> detections = detector.detect(image, new NmsConfig(0.5, 0.45, false));
            double score = Math.pow(1 / (1 + Math.exp(-10)), 2);
            assertThat(detections).hasSize(4).allSatisfy(detection -> {
                assertThat(detection.label()).isEqualTo("object");
                assertThat(detection.score()).isCloseTo(score, within(1e-6));
            });
            List<double[]> corners = detections.stream().map(d -> new double[] {Math.round(d.box().x1()),
                    Math.round(d.box().y1()), Math.round(d.box().x2()), Math.round(d.box().y2())}).toList();
            assertThat(corners).containsExactlyInAnyOrder(new double[] {0, 0, 30, 15}, new double[] {10, 0, 40, 15},
                    new double[] {0, 5, 30, 20}, new double[] {10, 5, 40, 20});
        }
    }

    @Test
    void rejectsEmptyImages() {
        YoloDetector detector = new YoloDetector(network(new float[6]), List.of("object"));
        try (Mat empty = new Mat()) {
            assertThatThrownBy(() -> detector.preprocess(empty)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("empty");
        }
    }

    @Test
    void needsOneNamePerClass() {
        DarknetNetwork network = network(new float[6]);
        assertThatThrownBy(() -> new YoloDetector(network, List.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static DarknetNetwork network(float[] biases) {
        DarknetCfg cfg = DarknetCfg.parse(CFG, "detector.cfg");
        ByteBuffer bytes = ByteBuffer.allocate(20 + 4 * (6 + 18))
                .order(ByteOrder.LITTLE_ENDIAN);
        bytes.putInt(0).putInt(2).putInt(0).putLong(0);
        for (float bias : biases) {
            bytes.putFloat(bias);
        }
        bytes.rewind();
        return DarknetImporter.importNetwork(cfg, DarknetWeightsReader.read(bytes, "detector.weights", cfg));
    }
}
