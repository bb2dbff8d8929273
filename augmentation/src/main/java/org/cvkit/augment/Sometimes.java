package org.cvkit.augment;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Applies a transform with a given probability per sample, and otherwise copies the sample.
 *
 * @param probability the chance of applying the transform, from 0 to 1
 * @param transform   the transform
 */
public record Sometimes(double probability, Transform transform) implements Transform {

    /**
     * Validates the probability.
     *
     * @throws IllegalArgumentException if the probability is outside {@code [0, 1]}
     */
    public Sometimes {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("a probability must lie within 0:1 but is " + probability);
        }
        Objects.requireNonNull(transform, "transform");
    }

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        return random.nextDouble() < probability ? transform.apply(sample, random) : sample.copy();
    }
}
