package org.cvkit.augment.colour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2HSV;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.util.SplittableRandom;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.augment.Range;
import org.cvkit.augment.Sample;
import org.cvkit.augment.TestImages;
import org.cvkit.augment.Transform;
import org.junit.jupiter.api.Test;

class ColourTest {

    private static final SplittableRandom RANDOM = new SplittableRandom(0);

    @Test
    void brightnessShiftMovesTheMeanByTheShiftTimes255() {
        // Levels 60..187 stay clear of clipping, so a +0.2 shift adds exactly 51 to every level.
        byte[] levels = new byte[64 * 32 * 3];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = (byte) (60 + i % 128);
        }
        try (Sample input = Sample.of(TestImages.fromBytes(64, 32, 3, levels));
             Sample output = new Brightness(Range.fixed(0.2)).apply(input, RANDOM)) {
            assertThat(TestImages.mean(output.image()) - TestImages.mean(input.image())).isEqualTo(51.0);
        }
    }

    @Test
    void brightnessClipsAtWhite() {
        assertThat(levelAfter(new Brightness(Range.fixed(0.5)), 200)).isEqualTo(255);
        assertThat(levelAfter(new Brightness(Range.fixed(-0.5)), 100)).isZero();
    }

    @Test
    void contrastScalesAboutMidGray() {
        // (200 - 127.5) * 0.5 + 127.5 = 163.75 and (20 - 127.5) * 1.5 + 127.5 = -33.75, clipped to 0.
        assertThat(levelAfter(new Contrast(Range.fixed(0.5)), 200)).isEqualTo(164);
        assertThat(levelAfter(new Contrast(Range.fixed(1.5)), 20)).isZero();
    }

    @Test
    void gammaFollowsThePowerCurve() {
        // 255 * (128 / 255)^2 = 64.25 and 255 * (64 / 255)^0.5 = 127.75.
        assertThat(levelAfter(new Gamma(Range.fixed(2)), 128)).isEqualTo(64);
        assertThat(levelAfter(new Gamma(Range.fixed(0.5)), 64)).isEqualTo(128);
        assertThat(levelAfter(new Gamma(Range.fixed(3)), 255)).isEqualTo(255);
    }

    @Test
    void hueTurnOf120DegreesTurnsRedIntoGreen() {
        try (Sample red = Sample.of(TestImages.fromBytes(1, 1, 3, new byte[] {0, 0, (byte) 255}));
             Sample output = new HueSaturation(Range.fixed(120), Range.fixed(1)).apply(red, RANDOM)) {
            assertThat(TestImages.bytes(output.image())).containsExactly(0, (byte) 255, 0);
        }
    }

    @Test
    void hueJitterPreservesValue() {
        try (Sample input = Sample.of(TestImages.noise(64, 64, 3, 5));
             Sample output = new HueSaturation(Range.symmetric(90), Range.fixed(1)).apply(input, new SplittableRandom(3));
             Mat hsvBefore = new Mat(); Mat hsvAfter = new Mat()) {
            cvtColor(input.image(), hsvBefore, COLOR_BGR2HSV);
            cvtColor(output.image(), hsvAfter, COLOR_BGR2HSV);
            byte[] before = TestImages.bytes(hsvBefore);
            byte[] after = TestImages.bytes(hsvAfter);
            int changedHue = 0;
            for (int i = 0; i < before.length; i += 3) {
                assertThat(after[i + 2] & 0xFF).isCloseTo(before[i + 2] & 0xFF, within(1));
                changedHue += before[i] != after[i] ? 1 : 0;
            }
            assertThat(changedHue).isGreaterThan(before.length / 3 / 2);
        }
    }

    @Test
    void zeroSaturationLeavesTheValueInEveryChannel() {
        try (Sample input = Sample.of(TestImages.fromBytes(1, 1, 3, new byte[] {40, 100, (byte) 200}));
             Sample output = new HueSaturation(Range.fixed(0), Range.fixed(0)).apply(input, RANDOM)) {
            assertThat(TestImages.bytes(output.image())).containsExactly((byte) 200, (byte) 200, (byte) 200);
        }
    }

    @Test
    void grayscaleUsesLumaWeightsAndKeepsThreeChannels() {
        // 0.299 * 200 + 0.587 * 100 + 0.114 * 40 = 59.8 + 58.7 + 4.56 = 123.06.
        try (Sample input = Sample.of(TestImages.fromBytes(1, 1, 3, new byte[] {40, 100, (byte) 200}));
             Sample output = new Grayscale().apply(input, RANDOM)) {
            assertThat(TestImages.bytes(output.image())).containsExactly(123, 123, 123);
        }
    }

    @Test
    void hueAndSaturationNeedColour() {
        try (Sample gray = Sample.of(TestImages.filled(4, 4, 1, 50))) {
            assertThatThrownBy(() -> new HueSaturation(Range.fixed(10), Range.fixed(1)).apply(gray, RANDOM))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3-channel");
        }
    }

    @Test
    void rejectsInvalidParameters() {
        assertThatThrownBy(() -> new Brightness(Range.fixed(1.5))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("brightness");
        assertThatThrownBy(() -> new Contrast(new Range(-1, 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contrast");
        assertThatThrownBy(() -> new Gamma(Range.fixed(0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gamma");
        assertThatThrownBy(() -> new HueSaturation(Range.fixed(200), Range.fixed(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hue");
    }

    private static int levelAfter(Transform transform, int level) {
        try (Sample input = Sample.of(TestImages.filled(2, 2, 1, level));
             Sample output = transform.apply(input, RANDOM)) {
            return TestImages.level(output.image(), 1, 1, 0);
        }
    }
}
