package org.cvkit.detection.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TextureTest {

    private static final int SIZE = 64;
    private static final double[] DARK = {10, 20, 30};
    private static final double[] LIGHT = {110, 120, 130};

    @Test
    void gradientsAndStripesBlendTheTwoColours() {
        for (Texture texture : new Texture[] {Texture.GRADIENT, Texture.STRIPES}) {
            double[] pixels = paint(texture, 1);
            for (int c = 0; c < 3; c++) {
                double[] channel = channel(pixels, c);
                // every level lies between the colours, and the texture spans most of the way from one to the other
                assertThat(Arrays.stream(channel).min().orElseThrow()).isGreaterThanOrEqualTo(DARK[c] - 1e-9)
                        .isLessThan(DARK[c] + 25);
                assertThat(Arrays.stream(channel).max().orElseThrow()).isLessThanOrEqualTo(LIGHT[c] + 1e-9)
                        .isGreaterThan(LIGHT[c] - 25);
            }
        }
    }

    @Test
    void noiseScattersAroundTheFirstColour() {
        double[] channel = channel(paint(Texture.NOISE, 2), 1);
        double mean = Arrays.stream(channel).average().orElseThrow();
        double variance = Arrays.stream(channel).map(v -> (v - mean) * (v - mean)).average().orElseThrow();

        assertThat(mean).isCloseTo(DARK[1], within(2.0));
        assertThat(Math.sqrt(variance)).isCloseTo(24, within(2.0));
    }

    private static double[] paint(Texture texture, long seed) {
        double[] pixels = new double[3 * SIZE * SIZE];
        texture.paint(pixels, SIZE, SIZE, DARK, LIGHT, new SplittableRandom(seed));
        return pixels;
    }

    private static double[] channel(double[] pixels, int c) {
        double[] channel = new double[SIZE * SIZE];
        for (int i = 0; i < channel.length; i++) {
            channel[i] = pixels[3 * i + c];
        }
        return channel;
    }
}
