package org.cvkit.face.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.cvkit.face.gallery.DistanceMetric;
import org.cvkit.face.gallery.Embedding;
import org.junit.jupiter.api.Test;

/**
 * Expected values are worked out by hand in the comments. {@link #SEPARATED}: genuine {0.1, 0.3, 0.35, 0.8},
 * impostors {0.2, 0.4, 0.5, 0.6, 0.9}. {@link #TIED}: genuine {0.1, 0.2, 0.3, 0.6}, impostors {0.3, 0.5, 0.7, 0.9},
 * with a genuine and an impostor pair tied at 0.3.
 */
class RocCurveTest {

    private static final double NONE = Double.NEGATIVE_INFINITY;

    static final List<LabeledPair> SEPARATED = pairs(new double[] {0.1, 0.3, 0.35, 0.8},
            new double[] {0.2, 0.4, 0.5, 0.6, 0.9});
    static final List<LabeledPair> TIED = pairs(new double[] {0.1, 0.2, 0.3, 0.6},
            new double[] {0.3, 0.5, 0.7, 0.9});

    @Test
    void hasOnePointPerDistinctDistanceAfterTheAcceptNothingPoint() {
        RocCurve curve = RocCurve.of(SEPARATED);
        assertThat(curve.genuinePairs()).isEqualTo(4);
        assertThat(curve.impostorPairs()).isEqualTo(5);
        assertThat(curve.points()).containsExactly(
                new RocPoint(NONE, 0, 0),
                new RocPoint(0.1, 0, 0.25),
                new RocPoint(0.2, 0.2, 0.25),
                new RocPoint(0.3, 0.2, 0.5),
                new RocPoint(0.35, 0.2, 0.75),
                new RocPoint(0.4, 0.4, 0.75),
                new RocPoint(0.5, 0.6, 0.75),
                new RocPoint(0.6, 0.8, 0.75),
                new RocPoint(0.8, 0.8, 1),
                new RocPoint(0.9, 1, 1));
    }

    @Test
    void tiedDistancesGiveOnePointAndADiagonalStep() {
        assertThat(RocCurve.of(TIED).points()).containsExactly(
                new RocPoint(NONE, 0, 0),
                new RocPoint(0.1, 0, 0.25),
                new RocPoint(0.2, 0, 0.5),
                new RocPoint(0.3, 0.25, 0.75),
                new RocPoint(0.5, 0.5, 0.75),
                new RocPoint(0.6, 0.5, 1),
                new RocPoint(0.7, 0.75, 1),
                new RocPoint(0.9, 1, 1));
    }

    @Test
    void theOrderOfThePairsDoesNotMatter() {
        List<LabeledPair> reversed = new ArrayList<>(SEPARATED);
        Collections.reverse(reversed);
        assertThat(RocCurve.of(reversed).points()).isEqualTo(RocCurve.of(SEPARATED).points());
    }

    /**
     * AUC = P(genuine closer than impostor), ties one half. SEPARATED: 0.1 beats 5, 0.3 and 0.35 beat 4 each, 0.8
     * beats 1: 14 / 20. TIED: 0.1 and 0.2 beat 4 each, 0.3 beats 3 and ties 1, 0.6 beats 2: 13.5 / 16.
     */
    @Test
    void theAreaIsTheProbabilityThatAGenuinePairIsCloser() {
        assertThat(RocCurve.of(SEPARATED).auc()).isEqualTo(0.7);
        assertThat(RocCurve.of(TIED).auc()).isEqualTo(0.84375);
        assertThat(RocCurve.of(pairs(new double[] {0.1, 0.2}, new double[] {0.3, 0.4})).auc()).isEqualTo(1.0);
        assertThat(RocCurve.of(pairs(new double[] {0.5}, new double[] {0.5})).auc()).isEqualTo(0.5);
    }

    /**
     * SEPARATED: at 0.35 FAR = 0.2 < FRR = 0.25; at 0.4 FAR = 0.4 > FRR = 0.25. Along the segment FAR = 0.2 + 0.2 s
     * meets FRR = 0.25 at s = 1/4: EER 0.25 at 0.35 + 0.05 / 4 = 0.3625.
     */
    @Test
    void theEqualErrorRateIsInterpolatedBetweenTheBracketingThresholds() {
        EqualErrorRate equalError = RocCurve.of(SEPARATED).equalErrorRate();
        assertThat(equalError.rate()).isCloseTo(0.25, within(1e-15));
        assertThat(equalError.threshold()).isCloseTo(0.3625, within(1e-15));

        // genuine {0.3}, impostors {0.1, 0.3}: (0, 0) -> (0.5, 0) -> (1, 1); FAR - FRR goes -1, -0.5, 1, so the
        // crossing is a third of the way from 0.1 to 0.3: FAR = 0.5 + 0.5 / 3 = FRR, threshold 0.1 + 0.2 / 3
        EqualErrorRate skewed = RocCurve.of(pairs(new double[] {0.3}, new double[] {0.1, 0.3})).equalErrorRate();
        assertThat(skewed.rate()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(skewed.threshold()).isCloseTo(0.1 + 0.2 / 3, within(1e-15));
    }

    /** TIED: at 0.3 FAR = 0.25 and FRR = 1 - 0.75: the rates meet exactly on a point. */
    @Test
    void anEqualErrorOnAPointIsThatPointsThreshold() {
        assertThat(RocCurve.of(TIED).equalErrorRate()).isEqualTo(new EqualErrorRate(0.25, 0.3));
        assertThat(RocCurve.of(pairs(new double[] {0.1, 0.2}, new double[] {0.3, 0.4})).equalErrorRate())
                .isEqualTo(new EqualErrorRate(0, 0.2));
    }

    /** One genuine and one impostor pair at 0.5: from (0, 0) to (1, 1) in one step, crossing FAR = FRR at 0.5. */
    @Test
    void anEqualErrorBeforeTheFirstDistanceTakesThatDistanceAsThreshold() {
        assertThat(RocCurve.of(pairs(new double[] {0.5}, new double[] {0.5})).equalErrorRate())
                .isEqualTo(new EqualErrorRate(0.5, 0.5));
    }

    @Test
    void theThresholdForATargetFalseAcceptRateIsTheMostPermissiveWithin() {
        RocCurve curve = RocCurve.of(SEPARATED);
        assertThat(curve.thresholdForFalseAcceptRate(0.2)).isEqualTo(new RocPoint(0.35, 0.2, 0.75));
        assertThat(curve.thresholdForFalseAcceptRate(0.39)).isEqualTo(new RocPoint(0.35, 0.2, 0.75));
        assertThat(curve.thresholdForFalseAcceptRate(0.4)).isEqualTo(new RocPoint(0.4, 0.4, 0.75));
        assertThat(curve.thresholdForFalseAcceptRate(0.1)).isEqualTo(new RocPoint(0.1, 0, 0.25));
        assertThat(curve.thresholdForFalseAcceptRate(0)).isEqualTo(new RocPoint(0.1, 0, 0.25));
        assertThat(curve.thresholdForFalseAcceptRate(1)).isEqualTo(new RocPoint(0.9, 1, 1));
    }

    @Test
    void whenTheNearestPairIsAnImpostorNoThresholdReachesAZeroFalseAcceptRate() {
        RocCurve curve = RocCurve.of(pairs(new double[] {0.2}, new double[] {0.1}));
        assertThat(curve.thresholdForFalseAcceptRate(0)).isEqualTo(new RocPoint(NONE, 0, 0));
    }

    /** SEPARATED at 0.35 accepts genuine 0.1, 0.3, 0.35 and impostor 0.2: 3 + 4 of 9 right. */
    @Test
    void accuracyCountsGenuinePairsAcceptedAndImpostorsRejected() {
        RocCurve curve = RocCurve.of(SEPARATED);
        assertThat(curve.accuracyAt(0.35)).isEqualTo(7.0 / 9);
        assertThat(curve.accuracyAt(0.37)).isEqualTo(7.0 / 9);
        assertThat(curve.accuracyAt(0.2)).isEqualTo(5.0 / 9);
        assertThat(curve.accuracyAt(0.05)).isEqualTo(5.0 / 9);
        assertThat(curve.accuracyAt(NONE)).isEqualTo(5.0 / 9);
        assertThat(curve.accuracyAt(0.8)).isEqualTo(5.0 / 9);
        assertThat(curve.accuracyAt(0.9)).isEqualTo(4.0 / 9);
        assertThat(curve.accuracyAt(Double.POSITIVE_INFINITY)).isEqualTo(4.0 / 9);
    }

    /** Against a brute-force count over every genuine-impostor combination and every threshold. */
    @Test
    void agreesWithBruteForceOnManyTiedPairs() {
        Random random = new Random(20240531);
        List<LabeledPair> pairs = new ArrayList<>();
        List<Double> genuine = new ArrayList<>();
        List<Double> impostors = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            boolean same = random.nextInt(3) == 0;
            double distance = Math.round(((same ? 0.3 : 0.6) + 0.25 * random.nextGaussian()) * 100) / 100.0;
            pairs.add(new LabeledPair(distance, same));
            (same ? genuine : impostors).add(distance);
        }
        RocCurve curve = RocCurve.of(pairs);

        double wins = 0;
        for (double g : genuine) {
            for (double n : impostors) {
                wins += g < n ? 1 : g == n ? 0.5 : 0;
            }
        }
        assertThat(curve.auc()).isCloseTo(wins / (genuine.size() * impostors.size()), within(1e-12));
        for (RocPoint point : curve.points().subList(1, curve.points().size())) {
            double t = point.threshold();
            assertThat(point.trueAcceptRate())
                    .isEqualTo((double) genuine.stream().filter(d -> d <= t).count() / genuine.size());
            assertThat(point.falseAcceptRate())
                    .isEqualTo((double) impostors.stream().filter(d -> d <= t).count() / impostors.size());
            assertThat(curve.accuracyAt(t)).isCloseTo((genuine.stream().filter(d -> d <= t).count()
                    + impostors.stream().filter(d -> d > t).count()) / 600.0, within(1e-15));
        }
        assertThat(curve.points()).hasSize((int) pairs.stream().mapToDouble(LabeledPair::distance).distinct().count()
                + 1);
    }

    @Test
    void aPairCanBeMeasuredWithAGalleryMetric() {
        assertThat(LabeledPair.measure(DistanceMetric.EUCLIDEAN, Embedding.of(0, 0), Embedding.of(3, 4), true))
                .isEqualTo(new LabeledPair(5, true));
        assertThat(LabeledPair.measure(DistanceMetric.SQUARED_EUCLIDEAN, Embedding.of(0, 0), Embedding.of(3, 4),
                false)).isEqualTo(new LabeledPair(25, false));
    }

    @Test
    void needsBothKindsOfPairs() {
        assertThatThrownBy(() -> RocCurve.of(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("calibration needs at least one same-person pair and one different-person pair but got "
                        + "0 and 0");
        assertThatThrownBy(() -> RocCurve.of(pairs(new double[] {0.1, 0.2}, new double[0])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("but got 2 and 0");
        assertThatThrownBy(() -> RocCurve.of(pairs(new double[0], new double[] {0.1})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("but got 0 and 1");
    }

    @Test
    void rejectsBadDistancesTargetsAndThresholds() {
        assertThatThrownBy(() -> new LabeledPair(Double.NaN, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("distance must be finite but is NaN");
        assertThatThrownBy(() -> new LabeledPair(Double.POSITIVE_INFINITY, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("but is Infinity");
        RocCurve curve = RocCurve.of(SEPARATED);
        for (double bad : new double[] {-0.01, 1.01, Double.NaN}) {
            assertThatThrownBy(() -> curve.thresholdForFalseAcceptRate(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the target false-accept rate must be a fraction from 0 to 1 but is " + bad);
        }
        assertThatThrownBy(() -> curve.accuracyAt(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the threshold must be a number but is NaN");
    }

    static List<LabeledPair> pairs(double[] genuine, double[] impostors) {
        List<LabeledPair> pairs = new ArrayList<>();
        for (double distance : genuine) {
            pairs.add(new LabeledPair(distance, true));
        }
        for (double distance : impostors) {
            pairs.add(new LabeledPair(distance, false));
        }
        return pairs;
    }
}
