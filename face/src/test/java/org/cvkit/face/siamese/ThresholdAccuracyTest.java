package org.cvkit.face.siamese;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.cvkit.face.calibration.LabeledPair;
import org.cvkit.face.calibration.RocCurve;
import org.junit.jupiter.api.Test;

class ThresholdAccuracyTest {

    /*
     * Sorted: 0.1 same, 0.3 different, 0.4 same, 0.6 same, 0.7 different, 0.9 different. Correct decisions when
     * accepting up to t: nothing 3/6, 0.1 4/6, 0.3 3/6, 0.4 4/6, 0.6 5/6, 0.7 4/6, 0.9 3/6.
     */
    private static final RocCurve CURVE = RocCurve.of(List.of(new LabeledPair(0.4, true),
            new LabeledPair(0.9, false), new LabeledPair(0.1, true), new LabeledPair(0.7, false),
            new LabeledPair(0.6, true), new LabeledPair(0.3, false)));

    @Test
    void bestThresholdDecidesTheMostPairsCorrectly() {
        ThresholdAccuracy best = ThresholdAccuracy.best(CURVE);

        assertThat(best.threshold()).isEqualTo(0.6);
        assertThat(best.accuracy()).isCloseTo(5.0 / 6, within(1e-12));
    }

    @Test
    void accuracyAtAGivenThreshold() {
        // accepts 0.1 (same) and 0.3 (different): 1 + 3 - 1 = 3 of 6 correct
        assertThat(ThresholdAccuracy.at(CURVE, 0.35).accuracy()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void rejectsANanThresholdAndAccuraciesBeyondOne() {
        assertThatThrownBy(() -> new ThresholdAccuracy(Double.NaN, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThresholdAccuracy(0.5, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
