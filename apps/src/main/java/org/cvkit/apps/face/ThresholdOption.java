package org.cvkit.apps.face;

import org.cvkit.face.gallery.Gallery;
import picocli.CommandLine.Option;

/** The {@code --threshold} option of the commands that decide: the largest distance accepted as the same person. */
final class ThresholdOption {

    @Option(names = "--threshold", paramLabel = "DISTANCE",
            description = "Largest descriptor distance taken for the same person (default: the gallery's, which is"
                    + " face-api's 0.6 unless calibrated).")
    Double threshold;

    /**
     * @param gallery a gallery
     * @return the gallery deciding at {@code --threshold}, or unchanged when the option is not given
     * @throws IllegalArgumentException if the threshold is negative, NaN or infinite
     */
    Gallery applyTo(Gallery gallery) {
        if (threshold == null) {
            return gallery;
        }
        if (!(threshold >= 0 && threshold < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("--threshold must be a distance of at least 0 but is " + threshold
                    + "; face-api's descriptors of one person are usually less than 0.6 apart");
        }
        return gallery.withPolicy(gallery.policy().withThreshold(threshold));
    }
}
