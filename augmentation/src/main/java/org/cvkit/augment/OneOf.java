package org.cvkit.augment;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Applies one transform chosen uniformly at random per sample.
 *
 * @param choices the transforms to choose from, at least one
 */
public record OneOf(List<Transform> choices) implements Transform {

    /**
     * Copies the list.
     *
     * @throws IllegalArgumentException if there is no choice
     */
    public OneOf {
        choices = List.copyOf(choices);
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("one-of needs at least one transform to choose from");
        }
    }

    /**
     * @param choices the transforms to choose from, at least one
     * @return the choice
     */
    public static OneOf of(Transform... choices) {
        return new OneOf(List.of(choices));
    }

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        return choices.get(random.nextInt(choices.size())).apply(sample, random);
    }
}
