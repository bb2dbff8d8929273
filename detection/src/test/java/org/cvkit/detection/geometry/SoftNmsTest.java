package org.cvkit.detection.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.cvkit.core.geometry.Box;
import org.junit.jupiter.api.Test;

class SoftNmsTest {

    private static final double EXACT = 1e-15;

    /** IoU(A, B) = 50 / 150 = 1/3; C overlaps neither. */
    private static final Detection A = detection(0, 0, 10, 10, 0, 0.9);
    private static final Detection B = detection(5, 0, 15, 10, 0, 0.8);
    private static final Detection C = detection(20, 20, 30, 30, 0, 0.7);

    @Test
    void linearDecayScalesOverlappingScoresByOneMinusIou() {
        List<Detection> result = SoftNms.apply(List.of(B, C, A), SoftNmsConfig.linear());

        // A is selected; B (IoU 1/3 >= 0.3) falls to 0.8 * 2/3 = 0.533 and now ranks after C.
        assertThat(result).extracting(Detection::box).containsExactly(A.box(), C.box(), B.box());
        assertThat(scores(result)).containsExactly(new double[] {0.9, 0.7, 0.8 * 2 / 3}, within(EXACT));
    }

    @Test
    void linearDecayLeavesScoresBelowItsIouThresholdAlone() {
        List<Detection> result = SoftNms.apply(List.of(A, B), SoftNmsConfig.linear().withIouThreshold(0.4));

        assertThat(result).containsExactly(A, B);
    }

    @Test
    void gaussianDecayScalesEveryScoreByExpOfMinusIouSquaredOverSigma() {
        List<Detection> result = SoftNms.apply(List.of(A, B, C), SoftNmsConfig.gaussian());

        // B: 0.8 * exp(-(1/9) / 0.5) = 0.8 * exp(-2/9) = 0.6406; C is untouched (IoU 0 gives factor 1).
        assertThat(result).extracting(Detection::box).containsExactly(A.box(), C.box(), B.box());
        assertThat(scores(result))
                .containsExactly(new double[] {0.9, 0.7, 0.8 * Math.exp(-2.0 / 9)}, within(EXACT));
    }

    @Test
    void scoresThatFallBelowTheScoreThresholdAreDropped() {
        assertThat(SoftNms.apply(List.of(A, B, C), SoftNmsConfig.linear().withScoreThreshold(0.6)))
                .containsExactly(A, C);
        assertThat(SoftNms.apply(List.of(A, B, C), SoftNmsConfig.gaussian().withScoreThreshold(0.6)))
                .hasSize(3);
        assertThat(SoftNms.apply(List.of(A, B, C), SoftNmsConfig.gaussian().withScoreThreshold(0.75)))
                .containsExactly(A);
    }

    @Test
    void aRescoredBoxCanStillLowerOthers() {
        // D duplicates B exactly. After A: B and D both fall to 0.8 * 2/3 (B first, by input order);
        // selecting B then multiplies D by 1 - IoU(B, D) = 0, dropping it.
        Detection d = detection(5, 0, 15, 10, 0, 0.8);
        List<Detection> result = SoftNms.apply(List.of(A, B, d), SoftNmsConfig.linear());

        assertThat(result).extracting(Detection::box).containsExactly(A.box(), B.box());
    }

    @Test
    void worksPerClassUnlessClassAgnostic() {
        Detection otherClass = detection(5, 0, 15, 10, 3, 0.8);

        assertThat(SoftNms.apply(List.of(A, otherClass), SoftNmsConfig.gaussian())).containsExactly(A, otherClass);
        List<Detection> agnostic =
                SoftNms.apply(List.of(A, otherClass), SoftNmsConfig.gaussian().withClassAgnostic(true));
        assertThat(scores(agnostic)).containsExactly(new double[] {0.9, 0.8 * Math.exp(-2.0 / 9)}, within(EXACT));
    }

    @Test
    void sigmaControlsTheGaussianSpread() {
        SoftNmsConfig config = SoftNmsConfig.gaussian().withSigma(2);

        assertThat(config.decayFactor(0.5)).isCloseTo(Math.exp(-0.125), within(EXACT));
        assertThat(config.decayFactor(0)).isEqualTo(1);
        assertThat(SoftNmsConfig.linear().decayFactor(0.25)).isEqualTo(1);
        assertThat(SoftNmsConfig.linear().decayFactor(0.75)).isEqualTo(0.25);
    }

    @Test
    void configRejectsBadSettings() {
        assertThatThrownBy(() -> SoftNmsConfig.gaussian().withSigma(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sigma");
        assertThatThrownBy(() -> SoftNmsConfig.gaussian().withSigma(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SoftNmsConfig.linear().withScoreThreshold(2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("score threshold");
        assertThatThrownBy(() -> SoftNmsConfig.linear().withIouThreshold(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IoU threshold");
        assertThatThrownBy(() -> new SoftNmsConfig(null, 0.3, 0.5, 0.001, false))
                .isInstanceOf(NullPointerException.class);
    }

    private static double[] scores(List<Detection> detections) {
        return detections.stream().mapToDouble(Detection::score).toArray();
    }

    private static Detection detection(double x1, double y1, double x2, double y2, int classIndex, double score) {
        return new Detection(new Box(x1, y1, x2, y2), classIndex, "", score);
    }
}
