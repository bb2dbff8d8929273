package org.cvkit.core.image;

import java.util.Objects;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The result of a {@link Letterbox}: the padded image and the transform that maps coordinates between it and
 * the source. Closing it closes the image.
 *
 * @param image     the letterboxed image, owned by this result
 * @param transform where the source sits inside {@code image}
 */
public record LetterboxedImage(Mat image, LetterboxTransform transform) implements AutoCloseable {

    /** Validates that both parts are given. */
    public LetterboxedImage {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(transform, "transform");
    }

    /** Releases the image's native memory. */
    @Override
    public void close() {
        image.close();
    }
}
