package org.cvkit.face.tfjs;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * face-api's {@code toBatchTensor} for tensor inputs: zero-pad an image to a square, then resize it with tfjs's
 * {@code resizeBilinear} (no half-pixel centres, no antialiasing): for output row {@code r},
 * {@code src = r * side / size}, rows {@code floor(src)} and {@code min(side - 1, ceil(src))} are blended with
 * weight {@code src - floor(src)}, columns likewise, in double, stored as float32.
 *
 * <p>Uncentred padding puts all zeros at the bottom (wide images) or right (tall images). Centred padding puts
 * {@code round(diff / 2)} zero rows or columns after the image and the rest before it, {@code diff} being the
 * difference of the sides.
 */
public final class SquareResize {

    private SquareResize() {
    }

    /**
     * @param image    any image; its RGB values are read with {@link BufferedImage#getRGB}
     * @param size     the side of the result
     * @param centered true for face-api's centred padding, false for padding at the bottom or right only
     * @return the pixels, HWC RGB row-major, values in [0, 255]
     * @throws IllegalArgumentException if {@code size} is not positive
     */
    public static float[] padAndResize(BufferedImage image, int size, boolean centered) {
        Objects.requireNonNull(image, "image");
        if (size < 1) {
            throw new IllegalArgumentException("the resized side must be positive but is " + size);
        }
        int width = image.getWidth();
        int height = image.getHeight();
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        int side = Math.max(width, height);
        int diff = side - Math.min(width, height);
        int before = centered ? diff - (int) Math.round(diff * 0.5) : 0;
        int top = height < width ? before : 0;
        int left = width < height ? before : 0;
        Padded padded = new Padded(argb, width, height, top, left);
        float[] pixels = new float[size * size * 3];
        double ratio = side / (double) size;
        for (int row = 0; row < size; row++) {
            double sourceRow = ratio * row;
            int upper = (int) Math.floor(sourceRow);
            int lower = Math.min(side - 1, (int) Math.ceil(sourceRow));
            double fy = sourceRow - upper;
            for (int column = 0; column < size; column++) {
                double sourceColumn = ratio * column;
                int leftColumn = (int) Math.floor(sourceColumn);
                int rightColumn = Math.min(side - 1, (int) Math.ceil(sourceColumn));
                double fx = sourceColumn - leftColumn;
                for (int channel = 0; channel < 3; channel++) {
                    double upperValue = lerp(padded.sample(upper, leftColumn, channel),
                            padded.sample(upper, rightColumn, channel), fx);
                    double lowerValue = lerp(padded.sample(lower, leftColumn, channel),
                            padded.sample(lower, rightColumn, channel), fx);
                    pixels[(row * size + column) * 3 + channel] = (float) lerp(upperValue, lowerValue, fy);
                }
            }
        }
        return pixels;
    }

    private static double lerp(double from, double to, double fraction) {
        return from + (to - from) * fraction;
    }

    /** The image inside its zero-padded square. */
    private record Padded(int[] argb, int width, int height, int top, int left) {

        int sample(int row, int column, int channel) {
            int y = row - top;
            int x = column - left;
            if (y < 0 || x < 0 || y >= height || x >= width) {
                return 0;
            }
            return argb[y * width + x] >> (16 - 8 * channel) & 0xff;
        }
    }
}
