package org.cvkit.detection.localization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.detection.geometry.GroundTruth;
import org.junit.jupiter.api.Test;

class LocalizationTargetTest {

    /** The course's classes: 1 pedestrian, 2 car, 3 motorcycle (4, background, is pc = 0). */
    private static final int CLASSES = 3;
    private static final int CAR = 1;

    @Test
    void objectTargetPutsHeightBeforeWidth() {
        // A car spanning x 0.25..0.75 and y 0.5..0.75: centre (0.5, 0.625), height 0.25, width 0.5.
        double[] y = LocalizationTarget.forObject(new GroundTruth(new Box(0.25, 0.5, 0.75, 0.75), CAR), CLASSES);

        assertThat(y).containsExactly(1, 0.5, 0.625, 0.25, 0.5, 0, 1, 0);
    }

    @Test
    void pixelBoxesAreNormalizedFirst() {
        Box pixels = new Box(100, 60, 300, 180);
        GroundTruth object = new GroundTruth(pixels.toNormalized(new ImageSize(400, 240)), 2);

        double[] y = LocalizationTarget.forObject(object, CLASSES);

        assertThat(y).containsExactly(new double[] {1, 0.5, 0.5, 0.5, 0.5, 0, 0, 1}, within(1e-15));
    }

    @Test
    void backgroundTargetIsAllZero() {
        assertThat(LocalizationTarget.forBackground(CLASSES)).containsExactly(0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(LocalizationTarget.length(CLASSES)).isEqualTo(8);
    }

    @Test
    void boxIsReadBackFromTheVector() {
        double[] y = LocalizationTarget.of(0.5, 0.625, 0.25, 0.5, CAR, CLASSES);

        assertThat(LocalizationTarget.box(y)).isEqualTo(new Box(0.25, 0.5, 0.75, 0.75));
    }

    @Test
    void gridUnitsMayExceedOne() {
        assertThat(LocalizationTarget.of(0.7, 0.7, 0.8, 1.9, CAR, CLASSES)).containsExactly(1, 0.7, 0.7, 0.8, 1.9,
                0, 1, 0);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> LocalizationTarget.forObject(new GroundTruth(new Box(0.5, 0.5, 1.2, 0.9), 0), 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("toNormalized");
        assertThatThrownBy(() -> LocalizationTarget.of(0.5, 0.5, 0.1, 0.1, 3, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 3)");
        assertThatThrownBy(() -> LocalizationTarget.of(0.5, 0.5, -0.1, 0.1, 0, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-negative");
        assertThatThrownBy(() -> LocalizationTarget.of(Double.NaN, 0.5, 0.1, 0.1, 0, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalizationTarget.forBackground(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("number of classes");
        assertThatThrownBy(() -> LocalizationTarget.box(new double[] {1, 0.5, 0.5}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 5");
    }
}
