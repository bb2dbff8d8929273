package org.cvkit.detection.eval;

import java.util.Objects;

/**
 * Average precision: a summary of the precision-recall curve of a ranked list of detections of one class.
 * Precision after rank i is the fraction of the first i detections that are true positives; recall is the
 * fraction of all ground truths found so far.
 */
public final class AveragePrecision {

    /** How the precision-recall curve is summarized. */
    public enum Interpolation {
        /**
         * The area under the interpolated curve, {@code Σ (r_i - r_{i-1}) p_interp(r_i)} with
         * {@code p_interp(r) = max over r' >= r of p(r')} (PASCAL VOC from 2010, and COCO without its 101-point
         * sampling).
         */
        ALL_POINTS,
        /** The mean of {@code p_interp(r)} at recall 0, 0.1, ..., 1 (PASCAL VOC 2007). */
        ELEVEN_POINT
    }

    private AveragePrecision() {
    }

    /**
     * The average precision of a ranked list of detections.
     *
     * @param rankedTruePositives for each detection, best score first, whether it matched a ground truth
     * @param groundTruths        the number of ground truths of the class, positive
     * @param interpolation       how to summarize the curve
     * @return the average precision in [0, 1]; 0 when there are no detections
     * @throws IllegalArgumentException if there are no ground truths or more true positives than ground truths
     */
    public static double of(boolean[] rankedTruePositives, int groundTruths, Interpolation interpolation) {
        Objects.requireNonNull(interpolation, "interpolation");
        if (groundTruths < 1) {
            throw new IllegalArgumentException("average precision needs at least one ground truth but got "
                    + groundTruths + "; leave classes without ground truths out of the evaluation");
        }
        int n = rankedTruePositives.length;
        double[] recall = new double[n];
        double[] precision = new double[n];
        int truePositives = 0;
        for (int i = 0; i < n; i++) {
            truePositives += rankedTruePositives[i] ? 1 : 0;
            recall[i] = truePositives / (double) groundTruths;
            precision[i] = truePositives / (double) (i + 1);
        }
        if (truePositives > groundTruths) {
            throw new IllegalArgumentException(truePositives + " true positives cannot match " + groundTruths
                    + " ground truths; each ground truth may be matched once");
        }
        return interpolation == Interpolation.ALL_POINTS ? allPoints(recall, precision)
                : elevenPoint(recall, precision);
    }

    /**
     * All-point interpolated average precision of a precision-recall curve.
     *
     * @param recall    recall after each rank, not decreasing, in [0, 1]
     * @param precision precision after each rank, in [0, 1]
     * @return {@code Σ (r_i - r_{i-1}) max_{j >= i} p_j} with {@code r_0 = 0}
     * @throws IllegalArgumentException if the arrays differ in length, leave [0, 1] or recall decreases
     */
    public static double allPoints(double[] recall, double[] precision) {
        requireCurve(recall, precision);
        double area = 0;
        double envelope = 0;
        for (int i = recall.length - 1; i >= 0; i--) {
            envelope = Math.max(envelope, precision[i]);
            double previousRecall = i == 0 ? 0 : recall[i - 1];
            area += (recall[i] - previousRecall) * envelope;
        }
        return area;
    }

    /**
     * PASCAL VOC 2007 11-point interpolated average precision of a precision-recall curve.
     *
     * @param recall    recall after each rank, not decreasing, in [0, 1]
     * @param precision precision after each rank, in [0, 1]
     * @return the mean over {@code t = 0, 0.1, ..., 1} of the highest precision at a recall of at least t
     *     (0 where recall never reaches t)
     * @throws IllegalArgumentException if the arrays differ in length, leave [0, 1] or recall decreases
     */
    public static double elevenPoint(double[] recall, double[] precision) {
        requireCurve(recall, precision);
        double sum = 0;
        for (int t = 0; t <= 10; t++) {
            double level = t / 10.0;
            double best = 0;
            for (int i = 0; i < recall.length; i++) {
                if (recall[i] >= level) {
                    best = Math.max(best, precision[i]);
                }
            }
            sum += best;
        }
        return sum / 11;
    }

    private static void requireCurve(double[] recall, double[] precision) {
        if (recall.length != precision.length) {
            throw new IllegalArgumentException("a precision-recall curve needs as many recalls as precisions but"
                    + " has " + recall.length + " and " + precision.length);
        }
        for (int i = 0; i < recall.length; i++) {
            if (!(recall[i] >= 0 && recall[i] <= 1 && precision[i] >= 0 && precision[i] <= 1)) {
                throw new IllegalArgumentException("recall and precision must lie in [0, 1] but point " + i
                        + " is (" + recall[i] + ", " + precision[i] + ")");
            }
            if (i > 0 && recall[i] < recall[i - 1]) {
                throw new IllegalArgumentException("recall must not decrease along the ranking but falls from "
                        + recall[i - 1] + " to " + recall[i] + " at point " + i);
            }
        }
    }
}
