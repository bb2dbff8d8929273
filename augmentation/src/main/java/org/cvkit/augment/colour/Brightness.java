package org.cvkit.augment.colour;

import java.util.Objects;
import java.util.SplittableRandom;
import org.cvkit.augment.Range;
import org.cvkit.augment.Sample;
import org.cvkit.augment.Transform;

/**
 * Adds a constant to every level: {@code out = in + shift * 255}, rounded and clamped to 0..255, with the shift drawn
 * per sample.
 *
 * @param shift the range of shifts as shares of the full scale, within {@code -1:1}
 */
public record Brightness(Range shift) implements Transform {

    /** Validates the range. */
    public Brightness {
        Objects.requireNonNull(shift, "shift").requireWithin("brightness", -1, 1);
    }

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        return LinearLevels.apply(sample, 1, shift.sample(random) * 255);
    }
}
