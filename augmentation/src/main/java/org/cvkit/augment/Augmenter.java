package org.cvkit.augment;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A transform with a seed: the entry point for augmenting a data set reproducibly, from any number of threads.
 *
 * <p>Sample number {@code index} is transformed with a generator of its own, seeded with the {@code index}-th value
 * of the stream of {@code new SplittableRandom(seed)}. The same seed and index therefore give the same result
 * whichever thread runs it and in whatever order, and different indices give independent draws. Immutable.
 *
 * @param transform the augmentation, usually a {@link Sequence}
 * @param seed      the seed of the whole run
 */
public record Augmenter(Transform transform, long seed) {

    /** The increment of {@code SplittableRandom}'s seed stream, which makes its outputs addressable by index. */
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    /** Validates that the transform is given. */
    public Augmenter {
        Objects.requireNonNull(transform, "transform");
    }

    /**
     * Augments one sample.
     *
     * @param sample the input, left unchanged
     * @param index  the sample's number in the data set (or in the stream of samples), which fixes its random draws
     * @return the augmented sample, which the caller closes
     */
    public Sample apply(Sample sample, long index) {
        return transform.apply(sample, randomFor(index));
    }

    /**
     * The generator of sample number {@code index}.
     *
     * @param index the sample's number
     * @return a new generator, seeded with the {@code index}-th value of {@code new SplittableRandom(seed)}
     */
    public SplittableRandom randomFor(long index) {
        return new SplittableRandom(new SplittableRandom(seed + index * GOLDEN_GAMMA).nextLong());
    }
}
