package org.cvkit.core.train;

import java.util.Objects;

/**
 * When to stop training: after {@code patience} epochs in a row without a better held-out score. The trainer then
 * puts back the parameters of the best epoch.
 *
 * @param metric   the held-out score to watch
 * @param patience how many epochs without improvement to accept, positive
 */
public record EarlyStopping(Metric metric, int patience) {

    /** The held-out score that decides which epoch is best. */
    public enum Metric {
        /** Classification accuracy on the held-out data; higher is better. */
        VALIDATION_ACCURACY,
        /** The network's loss on the held-out data; lower is better. */
        VALIDATION_LOSS;

        /**
         * @param candidate a new score
         * @param best      the best score so far
         * @return whether the candidate is strictly better
         */
        public boolean improves(double candidate, double best) {
            return this == VALIDATION_ACCURACY ? candidate > best : candidate < best;
        }
    }

    /** Validates that a metric is given and the patience is positive. */
    public EarlyStopping {
        Objects.requireNonNull(metric, "metric");
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be at least 1 epoch but is " + patience);
        }
    }

    /**
     * @param patience epochs without a higher held-out accuracy before stopping
     * @return early stopping on held-out accuracy
     */
    public static EarlyStopping onAccuracy(int patience) {
        return new EarlyStopping(Metric.VALIDATION_ACCURACY, patience);
    }

    /**
     * @param patience epochs without a lower held-out loss before stopping
     * @return early stopping on held-out loss
     */
    public static EarlyStopping onLoss(int patience) {
        return new EarlyStopping(Metric.VALIDATION_LOSS, patience);
    }
}
