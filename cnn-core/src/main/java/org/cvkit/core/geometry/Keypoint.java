package org.cvkit.core.geometry;

/**
 * A landmark such as a facial point or a body joint, with a flag saying whether it is visible.
 *
 * @param x       horizontal position
 * @param y       vertical position
 * @param visible whether the point is visible (not occluded or annotated as absent)
 */
public record Keypoint(double x, double y, boolean visible) {

    /** Validates that the coordinates are finite. */
    public Keypoint {
        Box.requireFinite("x", x);
        Box.requireFinite("y", y);
    }

    /**
     * Moves the point; visibility is kept.
     *
     * @param dx added to x
     * @param dy added to y
     * @return the moved point
     */
    public Keypoint translate(double dx, double dy) {
        return new Keypoint(x + dx, y + dy, visible);
    }

    /**
     * Scales the point about the origin {@code (0, 0)}; visibility is kept.
     *
     * @param sx horizontal factor, positive
     * @param sy vertical factor, positive
     * @return the scaled point
     * @throws IllegalArgumentException if a factor is not positive and finite
     */
    public Keypoint scale(double sx, double sy) {
        Box.requirePositiveFactors(sx, sy);
        return new Keypoint(x * sx, y * sy, visible);
    }

    /**
     * Tells whether the point lies on a pixel of the image: {@code 0 <= x < width} and {@code 0 <= y < height}.
     * Visibility is not considered.
     *
     * @param size the image size
     * @return true if the point falls inside the image
     */
    public boolean isInside(ImageSize size) {
        return x >= 0 && x < size.width() && y >= 0 && y < size.height();
    }
}
