package org.cvkit.augment.colour;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.cvkit.augment.Range;

/**
 * Applies a power curve: {@code out = 255 * (in / 255)^gamma}, with gamma drawn per sample. Gamma below 1 brightens
 * the shadows, above 1 darkens them; black and white stay put.
 *
 * @param gamma the range of exponents, positive
 */
public record Gamma(Range gamma) implements ToneCurve {

    /** Validates the range. */
    public Gamma {
        Objects.requireNonNull(gamma, "gamma").requireAbove("gamma", 0);
    }

    @Override
    public DoubleUnaryOperator curve(SplittableRandom random) {
        double exponent = gamma.sample(random);
        return level -> 255 * Math.pow(level / 255, exponent);
    }
}
