package org.cvkit.style;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Objects;
import org.cvkit.style.loss.LossValues;

/**
 * The outcome of a transfer.
 *
 * @param image      the stylized image, at the requested size
 * @param iterations the iterations run, over all scales
 * @param duration   the time the transfer took
 * @param initial    the losses of the starting image (content, noise or mix) at the output size
 * @param last       the losses of the result at the output size
 */
public record TransferResult(BufferedImage image, int iterations, Duration duration, LossValues initial,
                             LossValues last) {

    /** Checks that no part is missing. */
    public TransferResult {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(last, "last");
    }
}
