package org.cvkit.detection.sliding;

/**
 * One size of sliding window and how far it moves between positions.
 *
 * @param width  window width in pixels, positive
 * @param height window height in pixels, positive
 * @param stride step between neighbouring positions, horizontally and vertically, positive
 */
public record Window(int width, int height, int stride) {

    /** Validates that all three are positive. */
    public Window {
        if (width <= 0 || height <= 0 || stride <= 0) {
            throw new IllegalArgumentException("a sliding window needs a positive width, height and stride but has "
                    + width + "x" + height + " at stride " + stride);
        }
    }

    /**
     * @param size   side of a square window, positive
     * @param stride step between positions, positive
     * @return a square window
     */
    public static Window square(int size, int stride) {
        return new Window(size, size, stride);
    }

    /**
     * How many positions fit along a side: {@code (length - size) / stride + 1}, or 0 when the window is longer.
     *
     * @param length image side in pixels
     * @param size   window side in pixels
     * @param stride step between positions
     * @return the number of positions
     */
    static int positions(int length, int size, int stride) {
        return length < size ? 0 : (length - size) / stride + 1;
    }
}
