package org.cvkit.core.geometry;

/**
 * An axis-aligned box in corner form: {@code (x1, y1)} is the top-left corner and {@code (x2, y2)} the
 * bottom-right one, in pixels or in normalized image units (see {@link #toNormalized(ImageSize)}).
 * A box may be empty (zero width or height) but never inside out.
 *
 * @param x1 left edge
 * @param y1 top edge
 * @param x2 right edge, at least {@code x1}
 * @param y2 bottom edge, at least {@code y1}
 */
public record Box(double x1, double y1, double x2, double y2) {

    /** Validates that the coordinates are finite and the corners are in order. */
    public Box {
        requireFinite("x1", x1);
        requireFinite("y1", y1);
        requireFinite("x2", x2);
        requireFinite("y2", y2);
        if (x2 < x1 || y2 < y1) {
            throw new IllegalArgumentException("box corners are out of order: (" + x1 + ", " + y1 + ") to ("
                    + x2 + ", " + y2 + "); give the top-left corner first, or build the box with fromCentre");
        }
    }

    /**
     * Creates a box from its top-left and bottom-right corners.
     *
     * @param x1 left edge
     * @param y1 top edge
     * @param x2 right edge, at least {@code x1}
     * @param y2 bottom edge, at least {@code y1}
     * @return the box
     * @throws IllegalArgumentException if a coordinate is not finite or {@code x2 < x1} or {@code y2 < y1}
     */
    public static Box fromCorners(double x1, double y1, double x2, double y2) {
        return new Box(x1, y1, x2, y2);
    }

    /**
     * Creates a box from its centre and size, the form detectors predict.
     *
     * @param centreX horizontal centre
     * @param centreY vertical centre
     * @param width   width, not negative
     * @param height  height, not negative
     * @return the box
     * @throws IllegalArgumentException if a value is not finite or the width or height is negative
     */
    public static Box fromCentre(double centreX, double centreY, double width, double height) {
        requireFinite("width", width);
        requireFinite("height", height);
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException(
                    "box width and height must not be negative but are " + width + " and " + height);
        }
        return new Box(centreX - width / 2, centreY - height / 2, centreX + width / 2, centreY + height / 2);
    }

    /** @return the horizontal centre, (x1 + x2) / 2 */
    public double centreX() {
        return (x1 + x2) / 2;
    }

    /** @return the vertical centre, (y1 + y2) / 2 */
    public double centreY() {
        return (y1 + y2) / 2;
    }

    /** @return x2 - x1 */
    public double width() {
        return x2 - x1;
    }

    /** @return y2 - y1 */
    public double height() {
        return y2 - y1;
    }

    /** @return width * height */
    public double area() {
        return width() * height();
    }

    /**
     * The area this box shares with another; boxes that only touch share none.
     *
     * @param other the other box, in the same units
     * @return the overlap area, 0 when the boxes are disjoint
     */
    public double intersection(Box other) {
        double overlapWidth = Math.min(x2, other.x2) - Math.max(x1, other.x1);
        double overlapHeight = Math.min(y2, other.y2) - Math.max(y1, other.y1);
        return overlapWidth <= 0 || overlapHeight <= 0 ? 0 : overlapWidth * overlapHeight;
    }

    /**
     * Clips this pixel box to an image: every coordinate is clamped into {@code [0, width] x [0, height]}.
     * A box wholly outside the image becomes an empty box on its border.
     *
     * @param size the image size
     * @return the clipped box
     */
    public Box clip(ImageSize size) {
        return new Box(clamp(x1, size.width()), clamp(y1, size.height()),
                clamp(x2, size.width()), clamp(y2, size.height()));
    }

    /**
     * Converts this pixel box to normalized units: x divided by the image width and y by its height,
     * so the image spans {@code (0, 0)} top-left to {@code (1, 1)} bottom-right.
     *
     * @param size the image the box lies in
     * @return the normalized box
     */
    public Box toNormalized(ImageSize size) {
        return scale(1.0 / size.width(), 1.0 / size.height());
    }

    /**
     * Converts this normalized box back to pixels of an image; the inverse of {@link #toNormalized(ImageSize)}.
     *
     * @param size the image to place the box in
     * @return the box in pixels
     */
    public Box toPixels(ImageSize size) {
        return scale(size.width(), size.height());
    }

    /**
     * Moves the box.
     *
     * @param dx added to x1 and x2
     * @param dy added to y1 and y2
     * @return the moved box
     */
    public Box translate(double dx, double dy) {
        return new Box(x1 + dx, y1 + dy, x2 + dx, y2 + dy);
    }

    /**
     * Scales the box about the origin {@code (0, 0)}, the top-left corner of the image.
     *
     * @param sx horizontal factor, positive
     * @param sy vertical factor, positive
     * @return the scaled box
     * @throws IllegalArgumentException if a factor is not positive and finite (mirroring is a flip, not a scale)
     */
    public Box scale(double sx, double sy) {
        requirePositiveFactors(sx, sy);
        return new Box(x1 * sx, y1 * sy, x2 * sx, y2 * sy);
    }

    static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number but is " + value);
        }
    }

    static void requirePositiveFactors(double sx, double sy) {
        if (!(sx > 0 && sy > 0 && Double.isFinite(sx) && Double.isFinite(sy))) {
            throw new IllegalArgumentException("scale factors must be positive and finite but are " + sx
                    + " and " + sy + "; mirror with a flip instead of a negative factor");
        }
    }

    private static double clamp(double value, int upper) {
        return Math.max(0, Math.min(upper, value));
    }
}
