package org.cvkit.augment.geometry;

import java.util.SplittableRandom;
import org.cvkit.augment.Sample;
import org.cvkit.augment.Transform;
import org.cvkit.core.geometry.ImageSize;

/**
 * A transform that moves pixels: it plans a {@link Warp} for the image size, drawing its random parameters, and the
 * warp moves pixels, boxes and keypoints together.
 */
public interface GeometricTransform extends Transform {

    /**
     * Plans the warp for one sample.
     *
     * @param source the size of the image to warp
     * @param random the generator of this sample
     * @return the warp
     */
    Warp plan(ImageSize source, SplittableRandom random);

    /** Plans the warp for the sample's size and applies it. */
    @Override
    default Sample apply(Sample sample, SplittableRandom random) {
        return plan(sample.size(), random).apply(sample);
    }
}
