package org.cvkit.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cvkit.core.image.TestImages.assertPixels;
import static org.cvkit.core.image.TestImages.mat;
import static org.cvkit.core.image.TestImages.pixel;
import static org.cvkit.core.image.TestImages.uniform;

import java.awt.image.BufferedImage;
import org.bytedeco.javacv.Frame;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.Test;

class ImageConversionsTest {

    private static final TestImages.Levels PATTERN = (row, column, channel) -> 60 * row + 20 * column + channel;

    @Test
    void bgrMatBecomesThreeByteBgrImageWithTheSameColours() {
        int[][] bgrPixels = {{0, 0, 255}, {255, 128, 0}};
        try (Mat image = mat(1, 2, 3, (row, column, channel) -> bgrPixels[column][channel])) {
            BufferedImage converted = ImageConversions.toBufferedImage(image);
            assertThat(converted.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
            assertThat(converted.getRGB(0, 0)).isEqualTo(0xFFFF0000);
            assertThat(converted.getRGB(1, 0)).isEqualTo(0xFF0080FF);
        }
    }

    @Test
    void grayMatBecomesByteGrayImage() {
        try (Mat gray = mat(2, 2, 1, (row, column, channel) -> 100 * row + column)) {
            BufferedImage converted = ImageConversions.toBufferedImage(gray);
            assertThat(converted.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
            assertThat(converted.getRaster().getSamples(0, 0, 2, 2, 0, (int[]) null)).containsExactly(0, 1, 100, 101);
        }
    }

    @Test
    void regionOfInterestIsCopiedRowByRow() {
        try (Mat image = mat(3, 4, 3, PATTERN);
             Rect region = new Rect(1, 1, 2, 2);
             Mat roi = new Mat(image, region)) {
            assertThat(roi.isContinuous()).isFalse();
            BufferedImage converted = ImageConversions.toBufferedImage(roi);
            assertThat(converted.getWidth()).isEqualTo(2);
            // pixel (row 2, column 2) of the source: B = 160, G = 161, R = 162
            assertThat(converted.getRGB(1, 1)).isEqualTo(0xFF000000 | 162 << 16 | 161 << 8 | 160);
        }
    }

    @Test
    void intRgbImageBecomesBgrMat() {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xFF0000);
        image.setRGB(1, 0, 0x102030);
        try (Mat converted = ImageConversions.toMat(image)) {
            assertThat(pixel(converted, 0, 0)).containsExactly(0, 0, 255);
            assertThat(pixel(converted, 0, 1)).containsExactly(0x30, 0x20, 0x10);
        }
    }

    @Test
    void alphaIsCompositedOverBlack() {
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0x80FF0000);
        try (Mat converted = ImageConversions.toMat(image)) {
            assertThat(converted.channels()).isEqualTo(3);
            int[] bgr = pixel(converted, 0, 0);
            assertThat(bgr[0]).isZero();
            assertThat(bgr[1]).isZero();
            assertThat(bgr[2]).isBetween(127, 129);
        }
    }

    @Test
    void byteGrayImageBecomesOneChannelMat() {
        BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setSamples(0, 0, 3, 1, 0, new int[] {5, 128, 255});
        try (Mat converted = ImageConversions.toMat(image)) {
            int[] expected = {5, 128, 255};
            assertPixels(converted, 1, 3, 1, (row, column, channel) -> expected[column]);
        }
    }

    @Test
    void matSurvivesTheRoundTripThroughBufferedImage() {
        try (Mat image = mat(3, 4, 3, PATTERN);
             Mat back = ImageConversions.toMat(ImageConversions.toBufferedImage(image))) {
            assertPixels(back, 3, 4, 3, PATTERN);
        }
    }

    @Test
    void bufferedImageIsACopyThatOutlivesTheMat() {
        BufferedImage converted;
        try (Mat image = uniform(1, 1, 1, 2, 3)) {
            converted = ImageConversions.toBufferedImage(image);
        }
        assertThat(converted.getRGB(0, 0)).isEqualTo(0xFF030201);
    }

    @Test
    void frameRoundTripCopiesThePixels() {
        Frame frame;
        try (Mat image = mat(3, 4, 3, PATTERN)) {
            frame = ImageConversions.toFrame(image);
        }
        try (frame; Mat back = ImageConversions.toMat(frame)) {
            assertThat(frame.imageWidth).isEqualTo(4);
            assertThat(frame.imageHeight).isEqualTo(3);
            assertThat(frame.imageChannels).isEqualTo(3);
            assertThat(frame.imageDepth).isEqualTo(Frame.DEPTH_UBYTE);
            assertPixels(back, 3, 4, 3, PATTERN);
        }
    }

    @Test
    void grayFrameGivesGrayMat() {
        try (Mat gray = mat(2, 2, 1, PATTERN);
             Frame frame = ImageConversions.toFrame(gray);
             Mat back = ImageConversions.toMat(frame)) {
            assertPixels(back, 2, 2, 1, PATTERN);
        }
    }

    @Test
    void rejectsFrameWithoutImage() {
        try (Frame audio = new Frame()) {
            assertThatThrownBy(() -> ImageConversions.toMat(audio))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no image");
        }
    }

    @Test
    void rejectsEmptyMat() {
        try (Mat empty = new Mat()) {
            assertThatThrownBy(() -> ImageConversions.toFrame(empty))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
            assertThatThrownBy(() -> ImageConversions.toBufferedImage(empty))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        }
    }
}
