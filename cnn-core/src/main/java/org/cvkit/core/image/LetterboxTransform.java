package org.cvkit.core.image;

import java.util.Objects;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.core.geometry.Keypoint;

/**
 * How a {@link Letterbox} placed a source image inside its target: the source was scaled by {@code scale} in
 * both directions and shifted by {@code (offsetX, offsetY)}, so a target point is
 * {@code (x * scale + offsetX, y * scale + offsetY)}. Maps boxes and keypoints between the two frames, for
 * example a detection made on the network input back onto the original picture.
 *
 * @param scale   the factor applied to the source, positive
 * @param offsetX columns of padding left of the scaled source, not negative
 * @param offsetY rows of padding above the scaled source, not negative
 * @param source  size of the original image
 * @param target  size of the letterboxed image
 */
public record LetterboxTransform(double scale, int offsetX, int offsetY, ImageSize source, ImageSize target) {

    /** Validates the values and that the scaled source fits inside the target at its offsets. */
    public LetterboxTransform {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        if (!(scale > 0 && Double.isFinite(scale))) {
            throw new IllegalArgumentException("letterbox scale must be positive and finite but is " + scale);
        }
        if (offsetX < 0 || offsetY < 0) {
            throw new IllegalArgumentException(
                    "letterbox offsets must not be negative but are " + offsetX + " and " + offsetY);
        }
        if (offsetX + scaledLength(source.width(), scale) > target.width()
                || offsetY + scaledLength(source.height(), scale) > target.height()) {
            throw new IllegalArgumentException("a " + source + " image scaled by " + scale + " at offset ("
                    + offsetX + ", " + offsetY + ") does not fit inside " + target
                    + "; use LetterboxTransform.fit to compute a transform that does");
        }
    }

    /**
     * The transform that fits a source image as large as possible inside the target, keeping its aspect ratio,
     * and centres it; odd leftover padding goes right and below.
     *
     * @param source size of the original image
     * @param target size of the letterboxed image
     * @return the transform
     */
    public static LetterboxTransform fit(ImageSize source, ImageSize target) {
        double scale = Math.min(target.width() / (double) source.width(),
                target.height() / (double) source.height());
        return new LetterboxTransform(scale,
                (target.width() - scaledLength(source.width(), scale)) / 2,
                (target.height() - scaledLength(source.height(), scale)) / 2,
                source, target);
    }

    /** @return the size of the scaled source inside the target, each side rounded and at least 1 */
    public ImageSize contentSize() {
        return new ImageSize(scaledLength(source.width(), scale), scaledLength(source.height(), scale));
    }

    /**
     * Maps a box from source to target pixels.
     *
     * @param box a box in source pixels
     * @return the box in target pixels
     */
    public Box toTarget(Box box) {
        return box.scale(scale, scale).translate(offsetX, offsetY);
    }

    /**
     * Maps a box from target back to source pixels. The result is not clipped: boxes reaching into the padding
     * reach outside the source; {@link Box#clip(ImageSize)} with {@link #source()} trims them.
     *
     * @param box a box in target pixels
     * @return the box in source pixels
     */
    public Box toSource(Box box) {
        return box.translate(-offsetX, -offsetY).scale(1 / scale, 1 / scale);
    }

    /**
     * Maps a keypoint from source to target pixels; visibility is kept.
     *
     * @param point a point in source pixels
     * @return the point in target pixels
     */
    public Keypoint toTarget(Keypoint point) {
        return point.scale(scale, scale).translate(offsetX, offsetY);
    }

    /**
     * Maps a keypoint from target back to source pixels; visibility is kept.
     *
     * @param point a point in target pixels
     * @return the point in source pixels
     */
    public Keypoint toSource(Keypoint point) {
        return point.translate(-offsetX, -offsetY).scale(1 / scale, 1 / scale);
    }

    private static int scaledLength(int length, double scale) {
        return (int) Math.max(1, Math.round(length * scale));
    }
}
