package org.cvkit.detection.geometry;

import java.util.Objects;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.core.image.LetterboxTransform;

/**
 * How a source image was fitted into a network's input, so boxes that the network finds (normalized to its
 * input, {@code (0, 0)} top-left to {@code (1, 1)} bottom-right) can be mapped back onto the source image:
 * either {@link #letterboxed letterboxed} (scaled keeping its aspect ratio, then padded) or
 * {@link #stretched stretched} (scaled to the input size, ignoring the aspect ratio).
 */
public sealed interface ImagePlacement permits ImagePlacement.Letterboxed, ImagePlacement.Stretched {

    /**
     * @param transform the transform cvkit's {@code Letterbox} reported for the image
     * @return the placement of a letterboxed image
     */
    static ImagePlacement letterboxed(LetterboxTransform transform) {
        return new Letterboxed(transform);
    }

    /**
     * @param source the size of the original image
     * @return the placement of an image stretched to the network input
     */
    static ImagePlacement stretched(ImageSize source) {
        return new Stretched(source);
    }

    /** @return the size of the source image */
    ImageSize source();

    /**
     * Maps a box from normalized network-input units to source-image pixels. The box is not clipped, so that
     * suppression sees the boxes the network predicted (as Darknet and OpenCV do); {@link #clip(Box)} trims it.
     *
     * @param normalized a box with {@code (1, 1)} at the bottom-right corner of the network input
     * @return the box in source pixels
     */
    Box toSource(Box normalized);

    /**
     * Clips a box in source pixels to the source image.
     *
     * @param box a box in source pixels
     * @return the part of it inside the source image, empty on its border when none is
     */
    default Box clip(Box box) {
        return box.clip(source());
    }

    /**
     * A letterboxed image: the box is scaled to the letterbox's target, then moved and scaled back by the
     * transform; parts in the padding land outside the source image.
     *
     * @param transform how the source sits inside the network input
     */
    record Letterboxed(LetterboxTransform transform) implements ImagePlacement {

        /** Validates that the transform is given. */
        public Letterboxed {
            Objects.requireNonNull(transform, "transform");
        }

        @Override
        public ImageSize source() {
            return transform.source();
        }

        @Override
        public Box toSource(Box normalized) {
            return transform.toSource(normalized.toPixels(transform.target()));
        }
    }

    /**
     * A stretched image: normalized units map straight onto the source image.
     *
     * @param source the size of the original image
     */
    record Stretched(ImageSize source) implements ImagePlacement {

        /** Validates that the size is given. */
        public Stretched {
            Objects.requireNonNull(source, "source");
        }

        @Override
        public Box toSource(Box normalized) {
            return normalized.toPixels(source);
        }
    }
}
