package org.cvkit.core.train;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link Trainer#train()}.
 *
 * @param epochs       one result per epoch run, in order
 * @param bestEpoch    the epoch with the best held-out score (see {@link EarlyStopping.Metric}; held-out accuracy
 *                     when no early stopping was set), or the last epoch when no held-out data was given
 * @param stoppedEarly whether early stopping ended training before the epoch budget
 * @param duration     the wall-clock time of the whole run, including validation and checkpoints
 */
public record TrainingReport(List<EpochResult> epochs, int bestEpoch, boolean stoppedEarly, Duration duration) {

    /** Validates and copies the parts. */
    public TrainingReport {
        epochs = List.copyOf(epochs);
        Objects.requireNonNull(duration, "duration");
        if (epochs.isEmpty() || bestEpoch < 1 || bestEpoch > epochs.size()) {
            throw new IllegalArgumentException("best epoch must be one of the " + epochs.size()
                    + " epochs run but is " + bestEpoch);
        }
    }

    /** @return the number of epochs run */
    public int epochsRun() {
        return epochs.size();
    }

    /** @return the result of the best epoch */
    public EpochResult best() {
        return epochs.get(bestEpoch - 1);
    }

    /** @return the result of the last epoch */
    public EpochResult last() {
        return epochs.get(epochs.size() - 1);
    }
}
