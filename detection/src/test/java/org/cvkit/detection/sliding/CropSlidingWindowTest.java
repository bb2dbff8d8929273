package org.cvkit.detection.sliding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.image.ImageTensorFormat;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CropSlidingWindowTest {

    private static MultiLayerNetwork classifier;
    private static CropSlidingWindow slidingWindow;

    @BeforeAll
    static void buildClassifier() {
        classifier = CourseExampleClassifier.build(11);
        slidingWindow = new CropSlidingWindow(classifier, CourseExampleClassifier.INPUT, ImageTensorFormat.BGR_UNIT);
    }

    @Test
    void visitsEveryPositionOfEveryWindowSizeRowByRow() {
        try (Mat image = RandomImages.noise(56, 42, 3, 1)) {
            List<ScoredWindow> scored = slidingWindow.score(image, List.of(Window.square(28, 14),
                    new Window(14, 20, 20)));

            // 28x28 at stride 14: x in {0, 14, 28}, y in {0, 14}. 14x20 at stride 20: x in {0, 20, 40}, y in {0, 20}.
            assertThat(scored).extracting(ScoredWindow::window).containsExactly(
                    new Box(0, 0, 28, 28), new Box(14, 0, 42, 28), new Box(28, 0, 56, 28),
                    new Box(0, 14, 28, 42), new Box(14, 14, 42, 42), new Box(28, 14, 56, 42),
                    new Box(0, 0, 14, 20), new Box(20, 0, 34, 20), new Box(40, 0, 54, 20),
                    new Box(0, 20, 14, 40), new Box(20, 20, 34, 40), new Box(40, 20, 54, 40));
            for (ScoredWindow window : scored) {
                assertThat(window.scores()).hasSize(4);
                assertThat(window.scores()[0] + window.scores()[1] + window.scores()[2] + window.scores()[3])
                        .isCloseTo(1, within(1e-5));
            }
        }
    }

    @Test
    void resizesEveryCropToTheClassifierInput() {
        // On a flat image every crop, whatever its size, resizes to the same flat 14x14 picture.
        try (Mat flat = new Mat(40, 40, CV_8UC3, new Scalar(30, 120, 200, 0));
             Mat reference = new Mat(14, 14, CV_8UC3, new Scalar(30, 120, 200, 0))) {
            double[] expected = slidingWindow.score(reference, List.of(Window.square(14, 1))).get(0).scores();

            List<ScoredWindow> scored = slidingWindow.score(flat, List.of(Window.square(28, 12), Window.square(40, 1),
                    new Window(21, 35, 5)));

            // 28x28 at stride 12: 2 x 2 positions; 40x40: 1; 21x35 at stride 5: 4 columns x 2 rows.
            assertThat(scored).hasSize(4 + 1 + 8);
            for (ScoredWindow window : scored) {
                assertThat(window.scores()).containsExactly(expected, within(1e-6));
            }
        }
    }

    @Test
    void batchSizeDoesNotChangeTheScores() {
        try (Mat image = RandomImages.noise(30, 30, 3, 2)) {
            List<Window> windows = List.of(Window.square(14, 4), Window.square(20, 5));

            List<ScoredWindow> oneByOne = slidingWindow.withBatchSize(1).score(image, windows);
            List<ScoredWindow> batched = slidingWindow.withBatchSize(7).score(image, windows);

            assertThat(batched).hasSize(oneByOne.size());
            for (int i = 0; i < batched.size(); i++) {
                assertThat(batched.get(i).window()).isEqualTo(oneByOne.get(i).window());
                assertThat(batched.get(i).scores()).containsExactly(oneByOne.get(i).scores(), within(1e-6));
            }
        }
    }

    @Test
    void rejectsWindowsLargerThanTheImageAndBadBatchSizes() {
        try (Mat image = RandomImages.noise(30, 20, 3, 3)) {
            assertThatThrownBy(() -> slidingWindow.score(image, List.of(Window.square(24, 2))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("24x24 window does not fit in a 30x20 image");
        }
        assertThatThrownBy(() -> slidingWindow.withBatchSize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch size");
    }

    @Test
    void rejectsClassifiersThatDoNotGiveOneScoreRowPerCrop() {
        FullyConvolutionalNetwork convolutional = FullyConvolutionalConverter.convert(classifier,
                CourseExampleClassifier.INPUT, 3);
        CropSlidingWindow mapsNotRows = new CropSlidingWindow(convolutional.network(),
                CourseExampleClassifier.INPUT, ImageTensorFormat.BGR_UNIT);

        try (Mat image = RandomImages.noise(14, 14, 3, 4)) {
            assertThatThrownBy(() -> mapsNotRows.score(image, List.of(Window.square(14, 1))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[N, classes]");
        }
    }
}
