package org.cvkit.face.siamese;

import java.util.Objects;

import org.cvkit.face.calibration.RocCurve;
import org.cvkit.face.calibration.RocPoint;

/**
 * How well pairs are decided by one distance threshold: a pair is the same identity when its distance is at most
 * the threshold, and the accuracy is the fraction of pairs decided correctly.
 *
 * @param threshold the distance threshold
 * @param accuracy  the fraction of pairs decided correctly, 0 to 1
 */
public record ThresholdAccuracy(double threshold, double accuracy) {

    /** Validates that the threshold is a number and the accuracy a fraction. */
    public ThresholdAccuracy {
        if (Double.isNaN(threshold) || !(accuracy >= 0 && accuracy <= 1)) {
            throw new IllegalArgumentException("threshold must be a number and accuracy a fraction from 0 to 1 but"
                    + " they are " + threshold + " and " + accuracy);
        }
    }

    /**
     * Chooses the threshold that decides the most pairs correctly, for example on held-out pairs, to then measure
     * it on others with {@link #at}. Of several equally good thresholds the smallest is taken.
     *
     * @param curve the ROC curve of the pairs
     * @return the best threshold among the curve's points and its accuracy
     */
    public static ThresholdAccuracy best(RocCurve curve) {
        Objects.requireNonNull(curve, "curve");
        ThresholdAccuracy best = null;
        for (RocPoint point : curve.points()) {
            double accuracy = curve.accuracyAt(point.threshold());
            if (best == null || accuracy > best.accuracy()) {
                best = new ThresholdAccuracy(point.threshold(), accuracy);
            }
        }
        return best;
    }

    /**
     * @param curve     the ROC curve of some pairs
     * @param threshold a distance threshold, for example one chosen by {@link #best} on other pairs
     * @return the accuracy of that threshold on the curve's pairs
     */
    public static ThresholdAccuracy at(RocCurve curve, double threshold) {
        return new ThresholdAccuracy(threshold, curve.accuracyAt(threshold));
    }
}
