package org.cvkit.detection.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.cvkit.core.geometry.Box;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.detection.geometry.GroundTruth;
import org.junit.jupiter.api.Test;

class MeanAveragePrecisionTest {

    private static final double EXACT = 1e-12;

    /** Image A: two class-0 truths. Image B: one class-0 truth and one class-1 truth. */
    private static final List<List<GroundTruth>> TRUTHS = List.of(
            List.of(truth(0, 0, 10, 10, 0), truth(20, 20, 30, 30, 0)),
            List.of(truth(0, 0, 10, 10, 0), truth(100, 100, 120, 120, 1)));

    /**
     * Class 0, by score: 0.9 on A's first truth (IoU 1, TP); 0.8 in B on nothing (FP); 0.7 on A's second truth
     * shifted by one pixel (IoU 81/119 = 0.68, TP); 0.6 a duplicate of the first (its truth is taken, FP);
     * 0.5 on B's truth shifted by one pixel (IoU 90/110 = 0.82, TP). Class 1: 0.95 covering the top half of its
     * truth (IoU 200/400 = 0.5). Class 2 has a detection but no truths.
     */
    private static final List<List<Detection>> DETECTIONS = List.of(
            List.of(detection(0, 0, 10, 10, 0, 0.6), detection(21, 21, 31, 31, 0, 0.7),
                    detection(0, 0, 10, 10, 0, 0.9)),
            List.of(detection(1, 0, 11, 10, 0, 0.5), detection(50, 50, 60, 60, 0, 0.8),
                    detection(100, 100, 120, 110, 1, 0.95), detection(0, 0, 5, 5, 2, 0.99)));

    @Test
    void averagesTheClassesThatHaveGroundTruthsAtIouHalf() {
        MeanAveragePrecision.Result result = MeanAveragePrecision.at(0.5).evaluate(DETECTIONS, TRUTHS);

        // Class 0 ranks TP, FP, TP, FP, TP over 3 truths: 34/45 (see AveragePrecisionTest). Class 1: one TP, 1.
        assertThat(result.perClass()).containsOnlyKeys(0, 1);
        assertThat(result.perClass().get(0)).isCloseTo(34.0 / 45, within(EXACT));
        assertThat(result.perClass().get(1)).isEqualTo(1.0);
        assertThat(result.mean()).isCloseTo((34.0 / 45 + 1) / 2, within(EXACT));
    }

    @Test
    void elevenPointInterpolationCanBeChosen() {
        MeanAveragePrecision.Result result = new MeanAveragePrecision(0.5, AveragePrecision.Interpolation.ELEVEN_POINT)
                .evaluate(DETECTIONS, TRUTHS);

        assertThat(result.perClass().get(0)).isCloseTo(8.4 / 11, within(EXACT));
        assertThat(result.mean()).isCloseTo((8.4 / 11 + 1) / 2, within(EXACT));
    }

    @Test
    void aStricterIouTurnsLooseBoxesIntoFalsePositives() {
        MeanAveragePrecision.Result result = MeanAveragePrecision.at(0.75).evaluate(DETECTIONS, TRUTHS);

        // Class 0 now ranks TP, FP, FP (IoU 0.68), FP, TP: precision 1, 1/2, 1/3, 1/4, 2/5 at recall
        // 1/3, 1/3, 1/3, 1/3, 2/3; envelope 1, 1/2, 2/5, 2/5, 2/5; AP = 1/3 * 1 + 1/3 * 2/5 = 7/15.
        // Class 1 (IoU 0.5) misses: 0.
        assertThat(result.perClass().get(0)).isCloseTo(7.0 / 15, within(EXACT));
        assertThat(result.perClass().get(1)).isZero();
        assertThat(result.mean()).isCloseTo(7.0 / 30, within(EXACT));
    }

    @Test
    void aDetectionWhoseBestTruthIsTakenMatchesTheNextUnmatchedTruth() {
        // Truths g1 = (0,0)-(10,10) and g2 = (2,0)-(12,10). The 0.9 box is g1 itself; the 0.8 box (0.5,0)-(10.5,10)
        // overlaps g1 by 95/105 (taken) and g2 by 85/115 = 0.74, so it takes g2: two TPs, AP 1.
        List<List<GroundTruth>> truths = List.of(List.of(truth(0, 0, 10, 10, 0), truth(2, 0, 12, 10, 0)));
        List<List<Detection>> detections = List.of(List.of(detection(0.5, 0, 10.5, 10, 0, 0.8),
                detection(0, 0, 10, 10, 0, 0.9)));

        assertThat(MeanAveragePrecision.at(0.5).evaluate(detections, truths).mean()).isEqualTo(1.0);
    }

    @Test
    void classesWithTruthsButNoDetectionsScoreZero() {
        List<List<GroundTruth>> truths = List.of(List.of(truth(0, 0, 10, 10, 0), truth(0, 0, 10, 10, 3)));
        List<List<Detection>> detections = List.of(List.of(detection(0, 0, 10, 10, 0, 0.9)));

        MeanAveragePrecision.Result result = MeanAveragePrecision.at(0.5).evaluate(detections, truths);

        assertThat(result.perClass()).containsEntry(0, 1.0).containsEntry(3, 0.0);
        assertThat(result.mean()).isEqualTo(0.5);
    }

    @Test
    void rejectsMismatchedImagesMissingTruthsAndBadThresholds() {
        assertThatThrownBy(() -> MeanAveragePrecision.at(0.5).evaluate(DETECTIONS, List.of(List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 images but ground truths for 1");
        assertThatThrownBy(() -> MeanAveragePrecision.at(0.5).evaluate(List.of(List.of()), List.of(List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without ground truths");
        assertThatThrownBy(() -> MeanAveragePrecision.at(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> MeanAveragePrecision.at(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    private static GroundTruth truth(double x1, double y1, double x2, double y2, int classIndex) {
        return new GroundTruth(new Box(x1, y1, x2, y2), classIndex);
    }

    private static Detection detection(double x1, double y1, double x2, double y2, int classIndex, double score) {
        return new Detection(new Box(x1, y1, x2, y2), classIndex, "", score);
    }
}
