package org.cvkit.augment;

import java.util.SplittableRandom;

/**
 * One augmentation step: takes a sample and gives a new one whose pixels, boxes and keypoints agree.
 *
 * <p>Implementations are immutable and so safe to share between threads; every random choice is drawn from the
 * generator passed in, so the same generator state gives the same result. {@code apply} never modifies or closes
 * its input; the returned sample has an image of its own, which the caller closes.
 */
@FunctionalInterface
public interface Transform {

    /**
     * Transforms one sample.
     *
     * @param sample the input, left unchanged
     * @param random the generator of this sample, used for every random choice
     * @return a new sample, which the caller closes
     * @throws IllegalArgumentException if the image does not suit the transform (for example a hue change on a
     *                                  gray image)
     */
    Sample apply(Sample sample, SplittableRandom random);
}
