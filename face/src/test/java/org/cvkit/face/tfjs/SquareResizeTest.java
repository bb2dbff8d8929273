package org.cvkit.face.tfjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SquareResizeTest {

    /** Every pixel's red is 10 * (x + 1), green 10 * (y + 1), blue 1: no pixel of the image is zero. */
    private static BufferedImage image(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, 10 * (x + 1) << 16 | 10 * (y + 1) << 8 | 1);
            }
        }
        return image;
    }

    /** 4 x 1: diff 3, round(1.5) = 2 zero rows after and 1 before; the side stays 4, so no resampling. */
    @Test
    void centredPaddingPutsTheRoundedHalfAfterAWideImage() {
        float[] rgb = SquareResize.padAndResize(image(4, 1), 4, true);

        assertThat(Arrays.copyOfRange(rgb, 0, 12)).containsOnly(0f);
        assertThat(Arrays.copyOfRange(rgb, 12, 24))
                .containsExactly(10, 10, 1, 20, 10, 1, 30, 10, 1, 40, 10, 1);
        assertThat(Arrays.copyOfRange(rgb, 24, 48)).containsOnly(0f);
    }

    /** 2 x 5: diff 3, so 1 zero column on the left, then the image, then 2 zero columns. */
    @Test
    void centredPaddingPutsTheRestBeforeATallImage() {
        float[] rgb = SquareResize.padAndResize(image(2, 5), 5, true);

        int row = 3;
        float[] expectedRed = {0, 10, 20, 0, 0};
        for (int column = 0; column < 5; column++) {
            assertThat(rgb[(row * 5 + column) * 3]).as("red at column " + column).isEqualTo(expectedRed[column]);
            assertThat(rgb[(row * 5 + column) * 3 + 1]).isEqualTo(expectedRed[column] == 0 ? 0 : 40);
        }
    }

    /** 2 x 1 uncentred, resized to 4: ratio 0.5, so column 1 blends columns 0 and 1 halfway; rows 2, 3 are padding. */
    @Test
    void resizesBilinearlyWithoutHalfPixelCentres() {
        float[] rgb = SquareResize.padAndResize(image(2, 1), 4, false);

        assertThat(rgb[0]).isEqualTo(10f);
        assertThat(rgb[3]).isEqualTo(15f);
        assertThat(rgb[6]).isEqualTo(20f);
        assertThat(rgb[9]).isEqualTo(20f); // column 3: src 1.5, ceil clamped to the last column
        assertThat(rgb[(1 * 4) * 3]).isEqualTo(5f); // row 1: src 0.5, halfway to the zero row below
        assertThat(rgb[(2 * 4) * 3]).isZero();
    }

    @Test
    void rejectsANonPositiveSize() {
        assertThatThrownBy(() -> SquareResize.padAndResize(image(2, 2), 0, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }
}
