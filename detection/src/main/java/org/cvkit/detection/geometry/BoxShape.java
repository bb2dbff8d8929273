package org.cvkit.detection.geometry;

import org.cvkit.core.geometry.Box;

/**
 * The width and height of a box without its position: an anchor box, or a training box's shape when anchors
 * are chosen. Shapes are compared as if they shared a centre ({@link Iou#of(BoxShape, BoxShape)}).
 *
 * @param width  width, positive
 * @param height height, positive
 */
public record BoxShape(double width, double height) {

    /** Validates that both sides are positive and finite. */
    public BoxShape {
        if (!(width > 0 && height > 0 && Double.isFinite(width) && Double.isFinite(height))) {
            throw new IllegalArgumentException("a box shape needs a positive, finite width and height but has "
                    + width + " x " + height + "; drop empty (degenerate) boxes before using their shapes");
        }
    }

    /**
     * The shape of a box.
     *
     * @param box a box with positive width and height
     * @return its width and height
     * @throws IllegalArgumentException if the box is empty
     */
    public static BoxShape of(Box box) {
        return new BoxShape(box.width(), box.height());
    }

    /** @return width * height */
    public double area() {
        return width * height;
    }
}
