package org.cvkit.augment.colour;

import java.util.Objects;
import java.util.SplittableRandom;
import org.cvkit.augment.Range;
import org.cvkit.augment.Sample;
import org.cvkit.augment.Transform;

/**
 * Stretches or flattens levels about mid-gray: {@code out = (in - 127.5) * factor + 127.5}, rounded and clamped to
 * 0..255, with the factor drawn per sample.
 *
 * @param factor the range of factors, not negative (0 gives flat gray, 1 changes nothing)
 */
public record Contrast(Range factor) implements Transform {

    private static final double MID_GRAY = 127.5;

    /** Validates the range. */
    public Contrast {
        Objects.requireNonNull(factor, "factor").requireAtLeast("contrast", 0);
    }

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        double gain = factor.sample(random);
        return LinearLevels.apply(sample, gain, MID_GRAY * (1 - gain));
    }
}
