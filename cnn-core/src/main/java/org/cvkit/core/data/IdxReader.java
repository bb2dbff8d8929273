package org.cvkit.core.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the IDX files of MNIST-style data sets (Fashion-MNIST, MNIST), plain or gzip-compressed (detected from the
 * content, not the file name).
 *
 * <p>An IDX file is a big-endian header and raw data: a 4-byte magic number ({@value #IMAGES_MAGIC} =
 * {@code 0x00000803} for unsigned-byte data in 3 dimensions, that is images; {@value #LABELS_MAGIC} =
 * {@code 0x00000801} for unsigned-byte data in 1 dimension, that is labels), one 4-byte size per dimension, then
 * the bytes.
 */
public final class IdxReader {

    /** Magic number of an unsigned-byte IDX file with 3 dimensions (count, rows, columns). */
    public static final int IMAGES_MAGIC = 2051;
    /** Magic number of an unsigned-byte IDX file with 1 dimension (count). */
    public static final int LABELS_MAGIC = 2049;

    private static final int GZIP_MAGIC = 0x8b1f;

    private IdxReader() {
    }

    /**
     * Reads an IDX image file.
     *
     * @param file the file, plain or gzip-compressed
     * @return the images
     * @throws IdxFormatException if the file is not an IDX image file or is truncated
     * @throws IOException        if reading fails
     */
    public static IdxImages readImages(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readImages(in, file.toString());
        }
    }

    /**
     * Reads IDX images from a stream, which is read (possibly past the end of the images) but not closed.
     *
     * @param in the data, plain or gzip-compressed
     * @return the images
     * @throws IdxFormatException if the data is not an IDX image file or is truncated
     * @throws IOException        if reading fails
     */
    public static IdxImages readImages(InputStream in) throws IOException {
        return readImages(in, "IDX image stream");
    }

    /**
     * Reads an IDX label file.
     *
     * @param file the file, plain or gzip-compressed
     * @return the labels, each 0..255
     * @throws IdxFormatException if the file is not an IDX label file or is truncated
     * @throws IOException        if reading fails
     */
    public static int[] readLabels(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readLabels(in, file.toString());
        }
    }

    /**
     * Reads IDX labels from a stream, which is read (possibly past the end of the labels) but not closed.
     *
     * @param in the data, plain or gzip-compressed
     * @return the labels, each 0..255
     * @throws IdxFormatException if the data is not an IDX label file or is truncated
     * @throws IOException        if reading fails
     */
    public static int[] readLabels(InputStream in) throws IOException {
        return readLabels(in, "IDX label stream");
    }

    private static IdxImages readImages(InputStream raw, String source) throws IOException {
        try (DataInputStream in = open(raw, source)) {
            readMagic(in, source, IMAGES_MAGIC, "images", LABELS_MAGIC, "labels");
            int count = readDimension(in, source, "image count");
            int rows = readDimension(in, source, "rows");
            int columns = readDimension(in, source, "columns");
            long size = (long) count * rows * columns;
            if (rows == 0 || columns == 0 || size > Integer.MAX_VALUE - 8) {
                throw new IdxFormatException(source, "header declares " + count + " images of " + rows + "x" + columns
                        + ", which is empty or too large to hold in memory", null);
            }
            return new IdxImages(count, rows, columns, readData(in, source, (int) size, "pixels"), true);
        } catch (EOFException | ZipException e) {
            throw truncated(source, e);
        }
    }

    private static int[] readLabels(InputStream raw, String source) throws IOException {
        try (DataInputStream in = open(raw, source)) {
            readMagic(in, source, LABELS_MAGIC, "labels", IMAGES_MAGIC, "images");
            int count = readDimension(in, source, "label count");
            byte[] bytes = readData(in, source, count, "labels");
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = Byte.toUnsignedInt(bytes[i]);
            }
            return labels;
        } catch (EOFException | ZipException e) {
            throw truncated(source, e);
        }
    }

    /** Opens a stream whose {@code close()} releases the decompressor but leaves {@code raw} open. */
    private static DataInputStream open(InputStream raw, String source) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(new FilterInputStream(raw) {
            @Override
            public void close() {
                // the caller owns raw
            }
        }, 1 << 16);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        if (first < 0 || second < 0) {
            throw new IdxFormatException(source, "is empty or shorter than an IDX header; expected an IDX file", null);
        }
        boolean gzip = (first | second << 8) == GZIP_MAGIC;
        return new DataInputStream(gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered);
    }

    private static void readMagic(DataInputStream in, String source, int expected, String expectedKind,
                                  int other, String otherKind) throws IOException {
        int magic = in.readInt();
        if (magic == other) {
            throw new IdxFormatException(source, "holds IDX " + otherKind + " (magic number " + other + "), not "
                    + expectedKind + " (" + expected + "); are the image and label files swapped?", null);
        }
        if (magic != expected) {
            throw new IdxFormatException(source, String.format("starts with magic number %d (0x%08x) but IDX %s"
                    + " start with %d (0x%08x); this is not an IDX %s file", magic, magic, expectedKind, expected,
                    expected, expectedKind), null);
        }
    }

    private static int readDimension(DataInputStream in, String source, String name) throws IOException {
        int value = in.readInt();
        if (value < 0) {
            throw new IdxFormatException(source, "header declares a negative " + name + " (" + value + ")", null);
        }
        return value;
    }

    private static byte[] readData(DataInputStream in, String source, int size, String what) throws IOException {
        byte[] data = in.readNBytes(size);
        if (data.length != size) {
            throw new IdxFormatException(source, "is truncated: the header declares " + size + " bytes of " + what
                    + " but only " + data.length + " follow", null);
        }
        return data;
    }

    private static IdxFormatException truncated(String source, IOException cause) {
        return new IdxFormatException(source, "is truncated or damaged (" + cause.getMessage()
                + "); download the file again", cause);
    }
}
