package org.cvkit.augment;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Applies transforms one after another; intermediate samples are closed as soon as the next step has used them.
 *
 * @param steps the transforms in order; an empty sequence copies its input
 */
public record Sequence(List<Transform> steps) implements Transform {

    /** Copies the list and checks that no step is null. */
    public Sequence {
        steps = List.copyOf(steps);
    }

    /**
     * @param steps the transforms in order
     * @return the sequence
     */
    public static Sequence of(Transform... steps) {
        return new Sequence(List.of(steps));
    }

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        Sample current = sample;
        try {
            for (Transform step : steps) {
                Sample next = step.apply(current, random);
                closeIntermediate(current, sample);
                current = next;
            }
            return current == sample ? sample.copy() : current;
        } catch (RuntimeException e) {
            closeIntermediate(current, sample);
            throw e;
        }
    }

    private static void closeIntermediate(Sample current, Sample input) {
        if (current != input) {
            current.close();
        }
    }
}
