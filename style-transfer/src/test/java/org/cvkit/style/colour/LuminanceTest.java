package org.cvkit.style.colour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class LuminanceTest {

    /* Y = 0.299 R + 0.587 G + 0.114 B: pure red 76.2, pure green 149.7, pure blue 29.1. */
    @Test
    void grayIsTheYiqLuminance() {
        BufferedImage image = image(3, 1, 0xFF0000, 0x00FF00, 0x0000FF);

        BufferedImage gray = Luminance.of(image);

        assertThat(gray.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x4C4C4C);
        assertThat(gray.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0x969696);
        assertThat(gray.getRGB(2, 0) & 0xFFFFFF).isEqualTo(0x1D1D1D);
    }

    /* Style luminance 0 and 200 (mean 100, sd 100) onto content luminance 100 and 140 (mean 120, sd 20). */
    @Test
    void matchedStyleTakesTheContentsMeanAndSpread() {
        BufferedImage style = image(2, 1, 0x000000, 0xC8C8C8);
        BufferedImage content = image(2, 1, 0x646464, 0x8C8C8C);

        BufferedImage matched = Luminance.matched(style, content);

        assertThat(matched.getRGB(0, 0) & 0xFF).isEqualTo(100);
        assertThat(matched.getRGB(1, 0) & 0xFF).isEqualTo(140);
    }

    /* Recombining an image's own luminance with its own colour gives it back, up to rounding. */
    @Test
    void recombiningAnImageWithItselfGivesItBack() {
        int[] colours = {0x336699, 0xCC4411, 0x10E0A0, 0x808080};
        BufferedImage image = image(4, 1, colours);

        BufferedImage back = Luminance.recombine(image, image);

        for (int x = 0; x < colours.length; x++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                assertThat((double) ((back.getRGB(x, 0) >> shift) & 0xFF))
                        .isCloseTo((colours[x] >> shift) & 0xFF, within(2.0));
            }
        }
    }

    @Test
    void recombineKeepsTheColourAndTakesTheBrightness() {
        BufferedImage colour = image(1, 1, 0x806050);
        BufferedImage brighter = image(1, 1, 0xA0A0A0);

        int pixel = Luminance.recombine(brighter, colour).getRGB(0, 0);
        int red = (pixel >> 16) & 0xFF;
        int blue = pixel & 0xFF;

        assertThat(red).isGreaterThan(blue);
        assertThat(Luminance.of(image(1, 1, pixel)).getRGB(0, 0) & 0xFF).isCloseTo(0xA0, within(2));
    }

    @Test
    void rejectsImagesOfDifferentSizes() {
        assertThatThrownBy(() -> Luminance.recombine(image(2, 1, 0, 0), image(1, 1, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2x1").hasMessageContaining("1x1");
    }

    private static BufferedImage image(int width, int height, int... rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, rgb, 0, width);
        return image;
    }
}
