package org.cvkit.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC;

import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Builds and reads small 8-bit Mats pixel by pixel through JavaCPP indexers, independently of the bulk copies
 * under test.
 */
final class TestImages {

    /** The level of one channel of one pixel. */
    @FunctionalInterface
    interface Levels {
        int at(int row, int column, int channel);
    }

    private TestImages() {
    }

    /** A rows x columns Mat with {@code channels} 8-bit channels (BGR order for 3) filled from {@code levels}. */
    static Mat mat(int rows, int columns, int channels, Levels levels) {
        Mat mat = new Mat(rows, columns, CV_8UC(channels));
        try (UByteIndexer indexer = mat.createIndexer()) {
            for (int row = 0; row < rows; row++) {
                for (int column = 0; column < columns; column++) {
                    for (int channel = 0; channel < channels; channel++) {
                        indexer.put(row, column, channel, levels.at(row, column, channel));
                    }
                }
            }
        }
        return mat;
    }

    /** A Mat of one colour, given as B, G, R levels (or one gray level). */
    static Mat uniform(int rows, int columns, int... bgr) {
        return mat(rows, columns, bgr.length, (row, column, channel) -> bgr[channel]);
    }

    /** The level of one channel of one pixel. */
    static int level(Mat mat, int row, int column, int channel) {
        try (UByteIndexer indexer = mat.createIndexer()) {
            return indexer.get(row, column, channel);
        }
    }

    /** The B, G, R levels (or the gray level) of one pixel. */
    static int[] pixel(Mat mat, int row, int column) {
        int[] levels = new int[mat.channels()];
        for (int channel = 0; channel < levels.length; channel++) {
            levels[channel] = level(mat, row, column, channel);
        }
        return levels;
    }

    /** Asserts that the Mat has the given shape and, pixel by pixel, the given levels. */
    static void assertPixels(Mat actual, int rows, int columns, int channels, Levels expected) {
        assertThat(actual.rows()).as("rows").isEqualTo(rows);
        assertThat(actual.cols()).as("columns").isEqualTo(columns);
        assertThat(actual.channels()).as("channels").isEqualTo(channels);
        try (UByteIndexer indexer = actual.createIndexer()) {
            for (int row = 0; row < rows; row++) {
                for (int column = 0; column < columns; column++) {
                    for (int channel = 0; channel < channels; channel++) {
                        assertThat(indexer.get(row, column, channel))
                                .as("level at row %d, column %d, channel %d", row, column, channel)
                                .isEqualTo(expected.at(row, column, channel));
                    }
                }
            }
        }
    }
}
