package org.cvkit.augment.geometry;

import java.util.Objects;
import java.util.SplittableRandom;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.core.image.Resize;

/**
 * Stretches the image to a fixed size, ignoring its aspect ratio, with cnn-core's {@link Resize#stretch}.
 *
 * @param size the size of the result
 */
public record ResizeTo(ImageSize size) implements GeometricTransform {

    /** Validates that the size is given. */
    public ResizeTo {
        Objects.requireNonNull(size, "size");
    }

    @Override
    public Warp plan(ImageSize source, SplittableRandom random) {
        Homography matrix = Homography.scaling(size.width() / (double) source.width(),
                size.height() / (double) source.height());
        return new Warp(matrix, size, image -> Resize.stretch(image, size));
    }
}
