package org.cvkit.detection.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NmsConfigTest {

    @Test
    void courseSettingsAreThoseOfTheLectureNotes() {
        assertThat(NmsConfig.COURSE).isEqualTo(new NmsConfig(0.6, 0.5, false));
    }

    @Test
    void witherMethodsChangeOneSetting() {
        assertThat(NmsConfig.COURSE.withScoreThreshold(0.25)).isEqualTo(new NmsConfig(0.25, 0.5, false));
        assertThat(NmsConfig.COURSE.withIouThreshold(0.7)).isEqualTo(new NmsConfig(0.6, 0.7, false));
        assertThat(NmsConfig.COURSE.withClassAgnostic(true)).isEqualTo(new NmsConfig(0.6, 0.5, true));
    }

    @Test
    void acceptsTheEndsOfTheUnitInterval() {
        assertThat(new NmsConfig(0, 1, true).iouThreshold()).isEqualTo(1);
    }

    @Test
    void rejectsThresholdsOutsideTheUnitInterval() {
        assertThatThrownBy(() -> new NmsConfig(60, 0.5, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("score threshold").hasMessageContaining("[0, 1]").hasMessageContaining("60");
        assertThatThrownBy(() -> new NmsConfig(0.6, -0.1, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IoU threshold");
        assertThatThrownBy(() -> NmsConfig.COURSE.withIouThreshold(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    }
}
