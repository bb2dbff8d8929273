package org.cvkit.face.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The receiver operating characteristic of a verifier on labelled pairs: the false-accept rate (impostor pairs
 * accepted) against the true-accept rate (genuine pairs accepted) at every threshold. A pair is accepted when its
 * distance is at most the threshold.
 *
 * <p>Built with one sort of the pairs by distance, {@code O(n log n)}. There is one point per distinct distance,
 * in increasing order of threshold, after a first point that accepts nothing (threshold
 * {@link Double#NEGATIVE_INFINITY}, rates 0 and 0); the last point accepts everything (rates 1 and 1). Pairs with
 * equal distances are accepted or rejected together, so ties give a single point and a diagonal step.
 */
public final class RocCurve {

    private final double[] thresholds;
    private final int[] trueAccepts;
    private final int[] falseAccepts;
    private final int genuine;
    private final int impostors;

    private RocCurve(double[] thresholds, int[] trueAccepts, int[] falseAccepts) {
        this.thresholds = thresholds;
        this.trueAccepts = trueAccepts;
        this.falseAccepts = falseAccepts;
        this.genuine = trueAccepts[trueAccepts.length - 1];
        this.impostors = falseAccepts[falseAccepts.length - 1];
    }

    /**
     * @param pairs labelled pairs, at least one of the same person and one of two different people
     * @return the ROC curve of accepting pairs by distance
     * @throws IllegalArgumentException if either kind of pair is missing
     */
    public static RocCurve of(Collection<LabeledPair> pairs) {
        LabeledPair[] sorted = pairs.toArray(new LabeledPair[0]);
        Arrays.sort(sorted, Comparator.comparingDouble(LabeledPair::distance));
        int n = sorted.length;
        double[] thresholds = new double[n + 1];
        int[] trueAccepts = new int[n + 1];
        int[] falseAccepts = new int[n + 1];
        thresholds[0] = Double.NEGATIVE_INFINITY;
        int points = 1;
        int accepted = 0;
        int falselyAccepted = 0;
        for (int i = 0; i < n; i++) {
            if (sorted[i].samePerson()) {
                accepted++;
            } else {
                falselyAccepted++;
            }
            if (i == n - 1 || sorted[i + 1].distance() > sorted[i].distance()) {
                thresholds[points] = sorted[i].distance();
                trueAccepts[points] = accepted;
                falseAccepts[points] = falselyAccepted;
                points++;
            }
        }
        if (accepted == 0 || falselyAccepted == 0) {
            throw new IllegalArgumentException("calibration needs at least one same-person pair and one "
                    + "different-person pair but got " + accepted + " and " + falselyAccepted);
        }
        return new RocCurve(Arrays.copyOf(thresholds, points), Arrays.copyOf(trueAccepts, points),
                Arrays.copyOf(falseAccepts, points));
    }

    /** @return the number of same-person (genuine) pairs */
    public int genuinePairs() {
        return genuine;
    }

    /** @return the number of different-person (impostor) pairs */
    public int impostorPairs() {
        return impostors;
    }

    /** @return the curve's points in increasing order of threshold, from accepting nothing to accepting all */
    public List<RocPoint> points() {
        List<RocPoint> points = new ArrayList<>(thresholds.length);
        for (int i = 0; i < thresholds.length; i++) {
            points.add(point(i));
        }
        return List.copyOf(points);
    }

    /**
     * The area under the curve by the trapezoidal rule, which equals the probability that a random genuine pair is
     * closer than a random impostor pair, ties counting one half.
     *
     * @return the area, from 0 to 1; 0.5 is chance and 1 a perfect separation
     */
    public double auc() {
        long twiceArea = 0;
        for (int i = 1; i < thresholds.length; i++) {
            twiceArea += (long) (falseAccepts[i] - falseAccepts[i - 1]) * (trueAccepts[i] + trueAccepts[i - 1]);
        }
        return twiceArea / (2.0 * genuine * impostors);
    }

    /**
     * The equal error rate: where the false-accept rate equals the false-reject rate, i.e. where the curve meets
     * the line {@code FAR = 1 - TAR}.
     *
     * <p>Between two neighbouring points the curve is the straight segment that the trapezoidal AUC also uses.
     * The first point {@code j} with {@code FAR_j >= FRR_j} and its predecessor {@code j - 1} bracket the crossing;
     * on the segment between them both rates are taken as linear in the fraction
     * {@code s = (FRR_{j-1} - FAR_{j-1}) / ((FRR_{j-1} - FAR_{j-1}) - (FRR_j - FAR_j))}, so the rate is
     * {@code FAR_{j-1} + s (FAR_j - FAR_{j-1})} (equal to the FRR there) and the threshold is
     * {@code (1 - s) t_{j-1} + s t_j}. When the crossing falls on point {@code j}, {@code s = 1} and its own
     * threshold is returned. When the lower bracket is the point that accepts nothing (threshold
     * {@code -infinity}), the threshold is {@code t_j}, the smallest distance.
     *
     * @return the equal error rate and the threshold at which it is reached
     */
    public EqualErrorRate equalErrorRate() {
        int j = 1;
        while (imbalance(j) < 0) {
            j++;
        }
        long before = imbalance(j - 1);
        double s = (double) -before / (imbalance(j) - before);
        double rate = (falseAccepts[j - 1] + s * (falseAccepts[j] - falseAccepts[j - 1])) / impostors;
        double threshold = j == 1 ? thresholds[1] : (1 - s) * thresholds[j - 1] + s * thresholds[j];
        return new EqualErrorRate(rate, threshold);
    }

    /**
     * The most permissive point whose false-accept rate does not exceed a target.
     *
     * @param targetFalseAcceptRate the largest acceptable fraction of impostor pairs accepted, 0 to 1
     * @return the point with the largest threshold among those with {@code FAR <= target}; its threshold is
     *         {@link Double#NEGATIVE_INFINITY} when even the smallest distance is an impostor pair beyond the target
     * @throws IllegalArgumentException if the target is not in 0..1
     */
    public RocPoint thresholdForFalseAcceptRate(double targetFalseAcceptRate) {
        if (!(targetFalseAcceptRate >= 0 && targetFalseAcceptRate <= 1)) {
            throw new IllegalArgumentException("the target false-accept rate must be a fraction from 0 to 1 but is "
                    + targetFalseAcceptRate);
        }
        int i = 0;
        while (i + 1 < thresholds.length && falseAcceptRate(i + 1) <= targetFalseAcceptRate) {
            i++;
        }
        return point(i);
    }

    /**
     * @param threshold a distance threshold; pairs at most this far apart are accepted
     * @return the fraction of pairs decided correctly: genuine pairs accepted plus impostor pairs rejected
     * @throws IllegalArgumentException if the threshold is NaN
     */
    public double accuracyAt(double threshold) {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("the threshold must be a number but is NaN");
        }
        int i = lastPointAtMost(threshold);
        return (double) (trueAccepts[i] + impostors - falseAccepts[i]) / (genuine + impostors);
    }

    /** {@code (FAR_i - FRR_i) * genuine * impostors}: negative before the equal error point, positive after it. */
    private long imbalance(int i) {
        return (long) falseAccepts[i] * genuine - (long) (genuine - trueAccepts[i]) * impostors;
    }

    private int lastPointAtMost(double threshold) {
        int low = 0;
        int high = thresholds.length - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (thresholds[middle] <= threshold) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    private double falseAcceptRate(int i) {
        return (double) falseAccepts[i] / impostors;
    }

    private RocPoint point(int i) {
        return new RocPoint(thresholds[i], falseAcceptRate(i), (double) trueAccepts[i] / genuine);
    }
}
