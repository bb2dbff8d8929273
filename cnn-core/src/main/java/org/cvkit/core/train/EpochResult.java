package org.cvkit.core.train;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What one training epoch achieved.
 *
 * @param epoch              the epoch, counted from 1 within one {@link Trainer#train()} call
 * @param trainingLoss       the mean mini-batch loss over the epoch (including regularization terms such as L2)
 * @param validationAccuracy the held-out accuracy after the epoch, if held-out data was given, or the
 *                           {@link HeldOutScore} if one was given instead
 * @param validationLoss     the held-out loss after the epoch, if held-out data (not a score) was given
 * @param examples           the number of training examples seen
 * @param duration           the time spent training (without validation)
 */
public record EpochResult(int epoch, double trainingLoss, OptionalDouble validationAccuracy,
                          OptionalDouble validationLoss, long examples, Duration duration) {

    /** Validates that the optional values and the duration are present. */
    public EpochResult {
        Objects.requireNonNull(validationAccuracy, "validationAccuracy");
        Objects.requireNonNull(validationLoss, "validationLoss");
        Objects.requireNonNull(duration, "duration");
    }

    /** @return the training throughput in examples per second */
    public double examplesPerSecond() {
        double seconds = duration.toNanos() / 1e9;
        return seconds > 0 ? examples / seconds : 0;
    }
}
