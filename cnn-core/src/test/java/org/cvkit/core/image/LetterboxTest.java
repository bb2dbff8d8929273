package org.cvkit.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cvkit.core.image.TestImages.assertPixels;
import static org.cvkit.core.image.TestImages.mat;
import static org.cvkit.core.image.TestImages.uniform;

import java.awt.Color;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.core.geometry.Keypoint;
import org.junit.jupiter.api.Test;

class LetterboxTest {

    private static final ImageSize VGA = new ImageSize(640, 480);
    private static final ImageSize SQUARE_320 = new ImageSize(320, 320);

    @Test
    void landscapeImageIntoSquareIsHalvedAndPaddedAboveAndBelow() {
        LetterboxTransform transform = LetterboxTransform.fit(VGA, SQUARE_320);
        assertThat(transform.scale()).isEqualTo(0.5);
        assertThat(transform.offsetX()).isZero();
        assertThat(transform.offsetY()).isEqualTo(40);
        assertThat(transform.contentSize()).isEqualTo(new ImageSize(320, 240));
    }

    @Test
    void portraitImageIsPaddedLeftAndRight() {
        LetterboxTransform transform = LetterboxTransform.fit(new ImageSize(480, 640), SQUARE_320);
        assertThat(transform.scale()).isEqualTo(0.5);
        assertThat(transform.offsetX()).isEqualTo(40);
        assertThat(transform.offsetY()).isZero();
    }

    @Test
    void smallImageIsEnlarged() {
        LetterboxTransform transform = LetterboxTransform.fit(new ImageSize(100, 50), new ImageSize(400, 400));
        assertThat(transform.scale()).isEqualTo(4);
        assertThat(transform.offsetY()).isEqualTo(100);
        assertThat(transform.contentSize()).isEqualTo(new ImageSize(400, 200));
    }

    @Test
    void boxesAndKeypointsMapBothWaysExactly() {
        LetterboxTransform transform = LetterboxTransform.fit(VGA, SQUARE_320);
        Box source = Box.fromCorners(100, 60, 300, 200);
        Box target = Box.fromCorners(50, 70, 150, 140);
        assertThat(transform.toTarget(source)).isEqualTo(target);
        assertThat(transform.toSource(target)).isEqualTo(source);
        assertThat(transform.toTarget(new Keypoint(320, 240, true))).isEqualTo(new Keypoint(160, 160, true));
        assertThat(transform.toSource(new Keypoint(0, 40, false))).isEqualTo(new Keypoint(0, 0, false));
    }

    @Test
    void boxInThePaddingMapsOutsideTheSource() {
        LetterboxTransform transform = LetterboxTransform.fit(VGA, SQUARE_320);
        assertThat(transform.toSource(Box.fromCorners(0, 0, 320, 320)))
                .isEqualTo(Box.fromCorners(0, -80, 640, 560));
    }

    @Test
    void letterboxedImageHasSourcePixelsBetweenPadBands() {
        // left half red, right half blue, in BGR
        try (Mat image = mat(480, 640, 3, (row, column, channel) -> column < 320 ? (channel == 2 ? 255 : 0)
                : (channel == 0 ? 255 : 0));
             LetterboxedImage letterboxed = Letterbox.to(SQUARE_320).withPadColour(new Color(10, 20, 30))
                     .apply(image)) {
            assertThat(letterboxed.transform()).isEqualTo(LetterboxTransform.fit(VGA, SQUARE_320));
            assertPixels(letterboxed.image(), 320, 320, 3, (row, column, channel) -> {
                if (row < 40 || row >= 280) {
                    return new int[] {30, 20, 10}[channel];
                }
                return column < 160 ? (channel == 2 ? 255 : 0) : (channel == 0 ? 255 : 0);
            });
        }
    }

    @Test
    void grayImageIsPaddedWithTheLumaOfThePadColourAndOddPaddingGoesRight() {
        // 10x10 into 15x12: scale 1.2, content 12x12, 3 columns of padding split 1 left and 2 right
        int luma = 76; // round(0.299 * 255)
        try (Mat gray = uniform(10, 10, 200);
             LetterboxedImage letterboxed = Letterbox.to(new ImageSize(15, 12)).withPadColour(Color.RED)
                     .apply(gray)) {
            assertThat(letterboxed.transform().offsetX()).isEqualTo(1);
            assertPixels(letterboxed.image(), 12, 15, 1,
                    (row, column, channel) -> column >= 1 && column <= 12 ? 200 : luma);
        }
    }

    @Test
    void defaultPadColourIsMidGray() {
        try (Mat image = uniform(2, 4, 0, 0, 0);
             LetterboxedImage letterboxed = Letterbox.to(new ImageSize(4, 4)).apply(image)) {
            assertPixels(letterboxed.image(), 4, 4, 3, (row, column, channel) -> row == 0 || row == 3 ? 128 : 0);
        }
    }

    @Test
    void rejectsUnsupportedImages() {
        Letterbox letterbox = Letterbox.to(SQUARE_320);
        try (Mat empty = new Mat(); Mat bgra = uniform(2, 2, 1, 2, 3, 4)) {
            assertThatThrownBy(() -> letterbox.apply(empty))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
            assertThatThrownBy(() -> letterbox.apply(bgra))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 channels");
        }
    }

    @Test
    void rejectsTransformsThatDoNotFit() {
        assertThatThrownBy(() -> new LetterboxTransform(0, 0, 0, VGA, SQUARE_320))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> new LetterboxTransform(0.5, -1, 40, VGA, SQUARE_320))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> new LetterboxTransform(0.5, 0, 81, VGA, SQUARE_320))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> new LetterboxTransform(1, 0, 0, VGA, SQUARE_320))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit");
    }
}
