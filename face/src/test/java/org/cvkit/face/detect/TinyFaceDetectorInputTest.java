package org.cvkit.face.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class TinyFaceDetectorInputTest {

    private static final int SIZE = 416;

    /** Red = x % 256, green = y % 256, blue = 7. */
    private static BufferedImage ramp(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x % 256) << 16 | (y % 256) << 8 | 7);
            }
        }
        return image;
    }

    private static float at(float[] rgb, int row, int column, int channel) {
        return rgb[(row * SIZE + column) * 3 + channel];
    }

    /** 832 x 416 pads to 832 x 832 with 416 zero rows below; ratio 2 lands every sample on a source pixel. */
    @Test
    void padsAWideImageBelowAndSamplesEveryOtherPixel() {
        float[] rgb = TinyFaceDetectorInput.padAndResize(ramp(832, 416));

        assertThat(at(rgb, 10, 100, 0)).isEqualTo(200f % 256); // x = 200
        assertThat(at(rgb, 10, 100, 1)).isEqualTo(20f); // y = 20
        assertThat(at(rgb, 10, 100, 2)).isEqualTo(7f);
        assertThat(at(rgb, 207, 3, 1)).isEqualTo(414f % 256); // last source row: y = 414
        assertThat(at(rgb, 208, 3, 2)).isZero(); // y = 416: padding
        assertThat(at(rgb, 415, 415, 2)).isZero();
    }

    /** 300 x 624 pads to 624 x 624 with zero columns on the right; ratio 1.5 interpolates at half pixels. */
    @Test
    void padsATallImageOnTheRightAndInterpolatesBilinearly() {
        float[] rgb = TinyFaceDetectorInput.padAndResize(ramp(300, 624));

        assertThat(at(rgb, 1, 1, 0)).isEqualTo(1.5f); // x = 1.5 between columns 1 and 2
        assertThat(at(rgb, 1, 1, 1)).isEqualTo(1.5f); // y = 1.5
        assertThat(at(rgb, 0, 199, 0)).isEqualTo(298.5f - 256); // x = 298.5: columns 298 (42) and 299 (43)
        assertThat(at(rgb, 0, 199, 2)).isEqualTo(7f);
        assertThat(at(rgb, 0, 200, 2)).isZero(); // x = 300: the first padding column
    }

    @Test
    void subtractsTheMeansAndDividesBy255IntoNchw() {
        float[] rgb = new float[SIZE * SIZE * 3];
        int last = SIZE * SIZE - 1;
        rgb[last * 3] = 255f;
        rgb[last * 3 + 1] = 114.697f;
        try (INDArray input = TinyFaceDetectorInput.normalize(rgb)) {
            assertThat(input.shape()).containsExactly(1, 3, SIZE, SIZE);
            assertThat(input.getDouble(0, 0, SIZE - 1, SIZE - 1)).isCloseTo((255 - 117.001) / 255, within(1e-6));
            assertThat(input.getDouble(0, 1, SIZE - 1, SIZE - 1)).isZero();
            assertThat(input.getDouble(0, 2, 0, 0)).isCloseTo(-97.404 / 255, within(1e-6));
        }
    }

    @Test
    void rejectsPixelsOfAnotherSize() {
        assertThatThrownBy(() -> TinyFaceDetectorInput.normalize(new float[300 * 300 * 3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("270000")
                .hasMessageContaining("padAndResize");
    }
}
