package org.cvkit.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.cvkit.core.geometry.ImageSize;
import org.imgscalr.Scalr;
import org.junit.jupiter.api.Test;

class QualityResizeTest {

    @Test
    void longestSideOfLandscapeImageIsItsWidth() {
        BufferedImage resized = QualityResize.toLongestSide(image(200, 100), 50, Scalr.Method.QUALITY);
        assertThat(resized.getWidth()).isEqualTo(50);
        assertThat(resized.getHeight()).isEqualTo(25);
    }

    @Test
    void longestSideOfPortraitImageIsItsHeight() {
        BufferedImage resized = QualityResize.toLongestSide(image(100, 300), 60, Scalr.Method.ULTRA_QUALITY);
        assertThat(resized.getWidth()).isEqualTo(20);
        assertThat(resized.getHeight()).isEqualTo(60);
    }

    @Test
    void shorterSideIsRoundedAndAtLeastOnePixel() {
        BufferedImage rounded = QualityResize.toLongestSide(image(30, 20), 10, Scalr.Method.QUALITY);
        assertThat(rounded.getHeight()).isEqualTo(7); // 6.67
        BufferedImage sliver = QualityResize.toLongestSide(image(30, 1), 10, Scalr.Method.QUALITY);
        assertThat(sliver.getHeight()).isEqualTo(1); // 0.33
    }

    @Test
    void exactSizeStretches() {
        BufferedImage source = image(40, 40);
        BufferedImage stretched = QualityResize.toSize(source, new ImageSize(10, 30), Scalr.Method.QUALITY);
        assertThat(stretched.getWidth()).isEqualTo(10);
        assertThat(stretched.getHeight()).isEqualTo(30);
    }

    @Test
    void imageOfTheRequestedSizeIsReturnedAsItIs() {
        BufferedImage source = image(40, 30);
        assertThat(QualityResize.toSize(source, new ImageSize(40, 30), Scalr.Method.QUALITY)).isSameAs(source);
        assertThat(QualityResize.toLongestSide(source, 40, Scalr.Method.ULTRA_QUALITY)).isSameAs(source);
    }

    @Test
    void qualityShrinkingAveragesFineStripesToGray() {
        // one-pixel black and white stripes average to 127.5; a one-step nearest-neighbour shrink would keep
        // only black or only white columns
        BufferedImage stripes = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 64; y++) {
                stripes.setRGB(x, y, x % 2 == 0 ? 0x000000 : 0xFFFFFF);
            }
        }
        BufferedImage resized = QualityResize.toSize(stripes, new ImageSize(8, 8), Scalr.Method.QUALITY);
        for (int x = 0; x < 8; x++) {
            for (int y = 0; y < 8; y++) {
                assertThat(resized.getRGB(x, y) & 0xFF).as("blue at (%d, %d)", x, y).isBetween(96, 160);
            }
        }
    }

    @Test
    void rejectsNonPositiveLongestSide() {
        assertThatThrownBy(() -> QualityResize.toLongestSide(image(10, 10), 0, Scalr.Method.QUALITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longest side");
    }

    private static BufferedImage image(int width, int height) {
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }
}
