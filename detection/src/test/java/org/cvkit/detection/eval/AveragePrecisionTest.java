package org.cvkit.detection.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.cvkit.detection.eval.AveragePrecision.Interpolation.ALL_POINTS;
import static org.cvkit.detection.eval.AveragePrecision.Interpolation.ELEVEN_POINT;

import org.junit.jupiter.api.Test;

class AveragePrecisionTest {

    private static final double EXACT = 1e-12;

    /**
     * Three ground truths, five detections ranked TP, FP, TP, FP, TP.
     * Precision 1, 1/2, 2/3, 2/4, 3/5; recall 1/3, 1/3, 2/3, 2/3, 1.
     */
    private static final boolean[] RANKING = {true, false, true, false, true};

    @Test
    void allPointInterpolationIsTheAreaUnderThePrecisionEnvelope() {
        // Envelope (max precision at this rank or later): 1, 2/3, 2/3, 3/5, 3/5.
        // Area = 1/3 * 1 + (2/3 - 1/3) * 2/3 + (1 - 2/3) * 3/5 = 1/3 + 2/9 + 1/5 = 34/45.
        assertThat(AveragePrecision.of(RANKING, 3, ALL_POINTS)).isCloseTo(34.0 / 45, within(EXACT));
    }

    @Test
    void elevenPointInterpolationAveragesTheEnvelopeAtTenthsOfRecall() {
        // Recall >= 0, 0.1, 0.2, 0.3: best precision 1 (4 points); >= 0.4, 0.5, 0.6: 2/3 (3 points);
        // >= 0.7, 0.8, 0.9, 1.0: 3/5 (4 points). (4 + 2 + 2.4) / 11.
        assertThat(AveragePrecision.of(RANKING, 3, ELEVEN_POINT)).isCloseTo(8.4 / 11, within(EXACT));
    }

    @Test
    void perfectAndEmptyRankings() {
        assertThat(AveragePrecision.of(new boolean[] {true, true}, 2, ALL_POINTS)).isEqualTo(1.0);
        assertThat(AveragePrecision.of(new boolean[] {true, true}, 2, ELEVEN_POINT)).isCloseTo(1.0, within(EXACT));
        assertThat(AveragePrecision.of(new boolean[0], 4, ALL_POINTS)).isZero();
        assertThat(AveragePrecision.of(new boolean[] {false, false}, 1, ELEVEN_POINT)).isZero();
    }

    @Test
    void missedGroundTruthsCapTheRecall() {
        // One of two ground truths found, first: precision 1 up to recall 1/2, nothing beyond.
        assertThat(AveragePrecision.of(new boolean[] {true, false}, 2, ALL_POINTS)).isEqualTo(0.5);
        // Recall levels 0 to 0.5 (6 of 11) reach precision 1.
        assertThat(AveragePrecision.of(new boolean[] {true, false}, 2, ELEVEN_POINT))
                .isCloseTo(6.0 / 11, within(EXACT));
    }

    @Test
    void curvesCanBeGivenDirectly() {
        double[] recall = {0.2, 0.4, 0.4, 0.8};
        double[] precision = {1.0, 0.5, 0.6, 0.4};

        // Envelope 1, 0.6, 0.6, 0.4: 0.2 * 1 + 0.2 * 0.6 + 0 + 0.4 * 0.4 = 0.48.
        assertThat(AveragePrecision.allPoints(recall, precision)).isCloseTo(0.48, within(EXACT));
        // t = 0..0.2: 1 (3 points); 0.3, 0.4: 0.6 (2); 0.5..0.8: 0.4 (4); 0.9, 1: 0 (2). 5.8 / 11.
        assertThat(AveragePrecision.elevenPoint(recall, precision)).isCloseTo(5.8 / 11, within(EXACT));
    }

    @Test
    void rejectsImpossibleInput() {
        assertThatThrownBy(() -> AveragePrecision.of(RANKING, 0, ALL_POINTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one ground truth");
        assertThatThrownBy(() -> AveragePrecision.of(RANKING, 2, ALL_POINTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 true positives cannot match 2");
        assertThatThrownBy(() -> AveragePrecision.allPoints(new double[] {0.5}, new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("as many recalls");
        assertThatThrownBy(() -> AveragePrecision.allPoints(new double[] {0.5, 0.25}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not decrease");
        assertThatThrownBy(() -> AveragePrecision.elevenPoint(new double[] {1.5}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 1]");
    }
}
