package org.cvkit.augment.degrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.augment.LabeledBox;
import org.cvkit.augment.Range;
import org.cvkit.augment.Sample;
import org.cvkit.augment.TestImages;
import org.cvkit.core.geometry.Box;
import org.junit.jupiter.api.Test;

class DegradeTest {

    @Test
    void gaussianNoiseHasTheRequestedSigmaAndNoBias() {
        // 256x256x3 levels at 128: clipping at 0 or 255 is 16 sigmas away for sigma 8.
        try (Sample input = Sample.of(TestImages.filled(256, 256, 3, 128));
             Sample output = new GaussianNoise(Range.fixed(8)).apply(input, new SplittableRandom(1))) {
            double[] moments = momentsOfDifference(output, 128);
            assertThat(moments[0]).isCloseTo(0, within(0.1));
            // Rounding to whole levels adds variance 1/12: sqrt(64 + 1/12) = 8.005.
            assertThat(moments[1]).isCloseTo(8.0, within(0.1));
        }
    }

    @Test
    void speckleNoiseIsProportionalToTheLevel() {
        // Level 100 times (1 + n), n ~ N(0, 0.1): standard deviation 10 levels.
        try (Sample input = Sample.of(TestImages.filled(256, 256, 1, 100));
             Sample output = new SpeckleNoise(Range.fixed(0.1)).apply(input, new SplittableRandom(2));
             Sample black = Sample.of(TestImages.filled(16, 16, 1, 0));
             Sample blackOutput = new SpeckleNoise(Range.fixed(0.5)).apply(black, new SplittableRandom(2))) {
            double[] moments = momentsOfDifference(output, 100);
            assertThat(moments[0]).isCloseTo(0, within(0.2));
            assertThat(moments[1]).isCloseTo(10.0, within(0.2));
            assertThat(TestImages.mean(blackOutput.image())).isZero();
        }
    }

    @Test
    void saltAndPepperHitsTheRequestedShareHalfBlackHalfWhite() {
        int pixels = 256 * 256;
        try (Sample input = Sample.of(TestImages.filled(256, 256, 3, 128));
             Sample output = new SaltAndPepperNoise(Range.fixed(0.1)).apply(input, new SplittableRandom(3))) {
            byte[] levels = TestImages.bytes(output.image());
            int black = 0;
            int white = 0;
            for (int i = 0; i < levels.length; i += 3) {
                assertThat(levels[i + 1]).isEqualTo(levels[i]);
                black += levels[i] == 0 ? 1 : 0;
                white += levels[i] == (byte) 255 ? 1 : 0;
            }
            // Binomial(65536, 0.05): mean 3277, standard deviation 56.
            assertThat(black).isBetween(3277 - 280, 3277 + 280);
            assertThat(white).isBetween(3277 - 280, 3277 + 280);
            assertThat(pixels - black - white).isGreaterThan(0);
        }
    }

    @Test
    void gaussianBlurSpreadsAnImpulseAsTheKernelPredicts() {
        // A 255 impulse blurred with sigma 2 peaks at about 255 / (2 pi sigma^2) = 10.1 and keeps its total.
        try (Sample input = Sample.of(impulse(41, 41, 20, 20));
             Sample output = new GaussianBlur(Range.fixed(2)).apply(input, new SplittableRandom(0))) {
            assertThat(TestImages.level(output.image(), 20, 20, 0)).isBetween(9, 11);
            assertThat(TestImages.mean(output.image()) * 41 * 41).isCloseTo(255, within(20.0));
            assertThat(TestImages.centroid(output.image())).containsExactly(new double[] {20.5, 20.5}, within(1e-9));
        }
    }

    @Test
    void horizontalMotionBlurSpreadsAVerticalLineOverItsLength() {
        byte[] levels = new byte[21 * 9];
        for (int y = 0; y < 9; y++) {
            levels[y * 21 + 10] = (byte) 255;
        }
        try (Sample input = Sample.of(TestImages.fromBytes(21, 9, 1, levels));
             Sample output = new MotionBlur(Range.fixed(5), Range.fixed(0)).apply(input, new SplittableRandom(0))) {
            for (int x = 0; x < 21; x++) {
                int expected = x >= 8 && x <= 12 ? 51 : 0;
                assertThat(TestImages.level(output.image(), x, 4, 0)).as("column %d", x).isEqualTo(expected);
            }
        }
    }

    @Test
    void cutoutBlacksOutHolesInsideTheImageAndKeepsBoxes() {
        List<LabeledBox> boxes = List.of(new LabeledBox(new Box(1, 1, 5, 5), "x"));
        try (Sample input = Sample.of(TestImages.filled(100, 80, 3, 200), boxes, List.of());
             Sample output = new Cutout(Range.fixed(0.25), 1).apply(input, new SplittableRandom(4))) {
            byte[] levels = TestImages.bytes(output.image());
            int black = 0;
            for (byte level : levels) {
                black += level == 0 ? 1 : 0;
            }
            assertThat(black).isEqualTo(25 * 20 * 3);
            assertThat(output.boxes()).isEqualTo(boxes);
        }
    }

    @Test
    void rejectsInvalidParameters() {
        assertThatThrownBy(() -> new GaussianNoise(Range.fixed(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sigma");
        assertThatThrownBy(() -> new SaltAndPepperNoise(Range.fixed(2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.0:1.0");
        assertThatThrownBy(() -> new GaussianBlur(Range.fixed(0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("above 0");
        assertThatThrownBy(() -> new MotionBlur(Range.fixed(0.5), Range.fixed(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length");
        assertThatThrownBy(() -> new Cutout(Range.fixed(0.2), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("count");
    }

    /** @return {mean, standard deviation} of the output's levels minus a constant input level */
    private static double[] momentsOfDifference(Sample output, int inputLevel) {
        byte[] levels = TestImages.bytes(output.image());
        double sum = 0;
        double sumOfSquares = 0;
        for (byte level : levels) {
            double difference = (level & 0xFF) - inputLevel;
            sum += difference;
            sumOfSquares += difference * difference;
        }
        double mean = sum / levels.length;
        return new double[] {mean, Math.sqrt(sumOfSquares / levels.length - mean * mean)};
    }

    private static Mat impulse(int width, int height, int x, int y) {
        byte[] levels = new byte[width * height];
        levels[y * width + x] = (byte) 255;
        return TestImages.fromBytes(width, height, 1, levels);
    }
}
