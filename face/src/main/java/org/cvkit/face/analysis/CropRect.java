package org.cvkit.face.analysis;

import java.awt.image.BufferedImage;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.ImageSize;

/**
 * A whole-pixel region of an image, as face-api cuts faces out of it: {@code (x, y)} is the top-left pixel,
 * {@code width} x {@code height} the extent. It may be empty.
 *
 * @param x      left column, not negative
 * @param y      top row, not negative
 * @param width  columns, not negative
 * @param height rows, not negative
 */
public record CropRect(int x, int y, int width, int height) {

    /** Validates that no value is negative. */
    public CropRect {
        if (x < 0 || y < 0 || width < 0 || height < 0) {
            throw new IllegalArgumentException("a crop needs a non-negative position and size but is (" + x + ", "
                    + y + ") " + width + "x" + height);
        }
    }

    /**
     * face-api's {@code Box.clipAtImageBorders}: the part of a box inside the image, then each of x, y, width and
     * height rounded down on its own. So the crop may end up to one pixel short of the box's right or bottom edge.
     *
     * @param box   a box in image pixels
     * @param image the image
     * @return the crop, empty if the box covers no whole pixel of the image
     */
    public static CropRect clipped(Box box, ImageSize image) {
        double x = Math.max(box.x1(), 0);
        double y = Math.max(box.y1(), 0);
        double width = Math.min(box.x2() - x, image.width() - x);
        double height = Math.min(box.y2() - y, image.height() - y);
        return new CropRect(floor(x), floor(y), floor(width), floor(height));
    }

    /** @return true if the crop holds no pixel */
    public boolean isEmpty() {
        return width == 0 || height == 0;
    }

    /** @return the crop as a box in image pixels */
    public Box toBox() {
        return new Box(x, y, x + width, y + height);
    }

    /**
     * @param image the image this crop lies in
     * @return the cropped pixels, sharing the image's memory
     * @throws IllegalArgumentException if the crop is empty or does not lie inside the image
     */
    public BufferedImage cut(BufferedImage image) {
        if (isEmpty() || x + width > image.getWidth() || y + height > image.getHeight()) {
            throw new IllegalArgumentException("the crop " + this + " does not lie inside the " + image.getWidth()
                    + "x" + image.getHeight() + " image; make it with CropRect.clipped");
        }
        return image.getSubimage(x, y, width, height);
    }

    private static int floor(double value) {
        return (int) Math.max(0, Math.floor(value));
    }
}
