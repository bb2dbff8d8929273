package org.cvkit.core.data;

import java.util.Objects;

import org.cvkit.core.image.Normalization;

/**
 * Grey images as an IDX file stores them: {@code count} images of {@code rows x columns} unsigned bytes (0..255),
 * image after image, row after row. Immutable.
 */
public final class IdxImages {

    private final int count;
    private final int rows;
    private final int columns;
    private final byte[] pixels;

    /**
     * @param count   number of images, zero or more
     * @param rows    rows per image, positive
     * @param columns columns per image, positive
     * @param pixels  {@code count * rows * columns} unsigned bytes; copied
     * @throws IllegalArgumentException if the sizes do not match
     */
    public IdxImages(int count, int rows, int columns, byte[] pixels) {
        this(count, rows, columns, Objects.requireNonNull(pixels, "pixels").clone(), true);
    }

    /** Wraps pixels without copying them; the caller hands over ownership. */
    IdxImages(int count, int rows, int columns, byte[] pixels, boolean owned) {
        if (count < 0 || rows <= 0 || columns <= 0) {
            throw new IllegalArgumentException("IDX images need a count of zero or more and positive rows and columns"
                    + " but have count " + count + ", rows " + rows + ", columns " + columns);
        }
        if ((long) count * rows * columns != pixels.length) {
            throw new IllegalArgumentException(count + " images of " + rows + "x" + columns + " need "
                    + (long) count * rows * columns + " pixels but " + pixels.length + " were given");
        }
        this.count = count;
        this.rows = rows;
        this.columns = columns;
        this.pixels = pixels;
    }

    /** @return the number of images */
    public int count() {
        return count;
    }

    /** @return the rows (height) of each image */
    public int rows() {
        return rows;
    }

    /** @return the columns (width) of each image */
    public int columns() {
        return columns;
    }

    /**
     * @param image  the image index
     * @param row    the row
     * @param column the column
     * @return the pixel value, 0..255
     */
    public int pixel(int image, int row, int column) {
        Objects.checkIndex(image, count);
        Objects.checkIndex(row, rows);
        Objects.checkIndex(column, columns);
        return Byte.toUnsignedInt(pixels[(image * rows + row) * columns + column]);
    }

    /** Copies one image's pixels, normalized as channel 0, into {@code target} starting at {@code offset}. */
    void copyNormalized(int image, Normalization normalization, float[] target, int offset) {
        int size = rows * columns;
        int start = image * size;
        for (int i = 0; i < size; i++) {
            target[offset + i] = (float) normalization.normalize(0, Byte.toUnsignedInt(pixels[start + i]));
        }
    }
}
