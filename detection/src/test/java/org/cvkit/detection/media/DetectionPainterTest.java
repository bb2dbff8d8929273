package org.cvkit.detection.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.Keypoint;
import org.cvkit.detection.geometry.Detection;
import org.junit.jupiter.api.Test;

class DetectionPainterTest {

    private final DetectionPainter painter = new DetectionPainter();

    @Test
    void labelsNameTheClassAndTheScoreInPercent() {
        assertThat(DetectionPainter.label(detection(2, "person", 0.874), true)).isEqualTo("person 87%");
        assertThat(DetectionPainter.label(detection(7, "", 0.5), true)).isEqualTo("#7 50%");
        assertThat(DetectionPainter.label(detection(2, "person", 0.874), false)).isEqualTo("person");
    }

    @Test
    void everyCocoClassGetsItsOwnColour() {
        Set<List<Double>> colours = new HashSet<>();
        for (int c = 0; c < 80; c++) {
            try (Scalar colour = DetectionPainter.classColour(c)) {
                colours.add(List.of(colour.get(0), colour.get(1), colour.get(2)));
            }
        }
        assertThat(colours).hasSize(80);
    }

    @Test
    void drawsTheBoxOutlineInTheClassColourAndLeavesItsInsideAlone() {
        try (Mat image = new Mat(200, 300, CV_8UC3, new Scalar(0, 0, 0, 0));
             Scalar colour = DetectionPainter.classColour(3)) {
            painter.paint(image, List.of(new Detection(Box.fromCorners(50, 80, 250, 180), 3, "car", 0.9)));

            UByteIndexer pixels = image.createIndexer();
            for (int channel = 0; channel < 3; channel++) {
                int expected = (int) colour.get(channel);
                assertThat(pixels.get(130, 50, channel)).as("left edge").isEqualTo(expected);
                assertThat(pixels.get(130, 250, channel)).as("right edge").isEqualTo(expected);
                assertThat(pixels.get(180, 150, channel)).as("bottom edge").isEqualTo(expected);
                assertThat(pixels.get(79, 52, channel)).as("label strip above the box").isEqualTo(expected);
                assertThat(pixels.get(130, 150, channel)).as("inside").isZero();
                assertThat(pixels.get(20, 20, channel)).as("outside").isZero();
            }
            pixels.close();
        }
    }

    @Test
    void keypointsAreDrawnAsDotsAndOnlyThere() {
        try (Mat image = new Mat(240, 240, CV_8UC3, new Scalar(0, 0, 0, 0))) {
            Detection face = new Detection(Box.fromCorners(40, 40, 200, 200), 1, "face", 0.9)
                    .withKeypoints(List.of(new Keypoint(100, 100, true), new Keypoint(140, 120, true)));

            painter.paint(image, List.of(face));

            UByteIndexer pixels = image.createIndexer();
            for (int channel = 0; channel < 3; channel++) {
                int expected = (int) DetectionPainter.KEYPOINT_BGR.get(channel);
                assertThat(pixels.get(100, 100, channel)).as("first keypoint").isEqualTo(expected);
                assertThat(pixels.get(120, 140, channel)).as("second keypoint").isEqualTo(expected);
                assertThat(pixels.get(110, 120, channel)).as("between them").isZero();
            }
            pixels.close();
        }
    }

    @Test
    void boxesReachingOutsideTheImageAreClipped() {
        try (Mat image = new Mat(100, 100, CV_8UC3, new Scalar(0, 0, 0, 0))) {
            painter.paint(image, List.of(new Detection(Box.fromCorners(-40, -10, 160, 130), 0, "x", 0.3)));

            UByteIndexer pixels = image.createIndexer();
            assertThat(pixels.get(50, 0, 0) + pixels.get(50, 0, 1) + pixels.get(50, 0, 2)).isPositive();
            assertThat(pixels.get(50, 99, 0) + pixels.get(50, 99, 1) + pixels.get(50, 99, 2)).isPositive();
            pixels.close();
        }
    }

    @Test
    void rejectsImagesItCannotDrawOn() {
        try (Mat empty = new Mat(); Mat grey = new Mat(10, 10, CV_8UC1)) {
            assertThatThrownBy(() -> painter.paint(empty, List.of())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("empty image");
            assertThatThrownBy(() -> painter.paint(grey, List.of())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1 channels");
        }
    }

    private static Detection detection(int classIndex, String label, double score) {
        return new Detection(Box.fromCorners(0, 0, 1, 1), classIndex, label, score);
    }
}
