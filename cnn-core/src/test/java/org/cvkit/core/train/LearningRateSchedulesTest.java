package org.cvkit.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

class LearningRateSchedulesTest {

    @Test
    void stepDecayHalvesEveryTwoEpochs() {
        ISchedule schedule = LearningRateSchedules.step(ScheduleType.EPOCH, 0.1, 0.5, 2);
        assertThat(schedule.valueAt(999, 0)).isEqualTo(0.1);
        assertThat(schedule.valueAt(999, 1)).isEqualTo(0.1);
        assertThat(schedule.valueAt(0, 2)).isEqualTo(0.05);
        assertThat(schedule.valueAt(0, 3)).isEqualTo(0.05);
        assertThat(schedule.valueAt(0, 4)).isEqualTo(0.025);
        assertThat(schedule.valueAt(0, 7)).isEqualTo(0.0125);
    }

    @Test
    void stepDecayCanCountIterations() {
        ISchedule schedule = LearningRateSchedules.step(ScheduleType.ITERATION, 1.0, 0.1, 100);
        assertThat(schedule.valueAt(99, 50)).isEqualTo(1.0);
        assertThat(schedule.valueAt(100, 0)).isCloseTo(0.1, within(1e-16));
    }

    @Test
    void exponentialDecayIsLr0TimesEToTheMinusKt() {
        ISchedule halving = LearningRateSchedules.exponential(ScheduleType.EPOCH, 0.1, Math.log(2));
        assertThat(halving.valueAt(0, 0)).isEqualTo(0.1);
        assertThat(halving.valueAt(0, 1)).isCloseTo(0.05, within(1e-16));
        assertThat(halving.valueAt(0, 3)).isCloseTo(0.0125, within(1e-16));

        ISchedule schedule = LearningRateSchedules.exponential(ScheduleType.EPOCH, 0.01, 0.1);
        // 0.01 * e^-1 = 0.0036787944117144234 and 0.01 * e^-2.5 = 8.208499862389881e-4
        assertThat(schedule.valueAt(0, 10)).isCloseTo(0.0036787944117144234, within(1e-17));
        assertThat(schedule.valueAt(0, 25)).isCloseTo(8.208499862389881e-4, within(1e-17));
    }

    @Test
    void inverseTimeDecayIsLr0OverOnePlusKt() {
        ISchedule schedule = LearningRateSchedules.inverseTime(ScheduleType.EPOCH, 0.1, 0.5);
        assertThat(schedule.valueAt(0, 0)).isEqualTo(0.1);
        assertThat(schedule.valueAt(0, 1)).isCloseTo(0.1 / 1.5, within(1e-17));
        assertThat(schedule.valueAt(0, 2)).isCloseTo(0.05, within(1e-17));
        assertThat(schedule.valueAt(0, 8)).isCloseTo(0.02, within(1e-17));
    }

    @Test
    void zeroDecayKeepsTheRateConstant() {
        assertThat(LearningRateSchedules.exponential(ScheduleType.EPOCH, 0.3, 0).valueAt(0, 50)).isEqualTo(0.3);
        assertThat(LearningRateSchedules.inverseTime(ScheduleType.EPOCH, 0.3, 0).valueAt(0, 50)).isEqualTo(0.3);
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> LearningRateSchedules.step(ScheduleType.EPOCH, 0.1, 1.5, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("factor must be in (0, 1]");
        assertThatThrownBy(() -> LearningRateSchedules.step(ScheduleType.EPOCH, 0.1, 0.5, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> LearningRateSchedules.exponential(ScheduleType.EPOCH, 0.1, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decay constant k");
        assertThatThrownBy(() -> LearningRateSchedules.inverseTime(ScheduleType.EPOCH, 0, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learning rate");
        assertThatThrownBy(() -> LearningRateSchedules.inverseTime(null, 0.1, 0.1))
                .isInstanceOf(NullPointerException.class);
    }
}
