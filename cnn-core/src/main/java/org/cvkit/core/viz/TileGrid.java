package org.cvkit.core.viz;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.cvkit.core.io.AtomicFiles;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Lays out small pictures (tiles) in a near-square grid separated by {@value #GAP}-pixel white lines, each tile
 * stretched to the full 0..255 range on its own and enlarged by an integer factor (nearest neighbour).
 */
final class TileGrid {

    /** Width of the white lines around and between tiles, in pixels. */
    static final int GAP = 1;
    /** Colour of the lines and of empty grid cells. */
    static final int BACKGROUND = 0xFFFFFF;

    private TileGrid() {
    }

    /**
     * @param tiles {@code [n, channels, height, width]} with 1 (grey) or 3 (red, green, blue) channels
     * @param scale the enlargement factor, positive
     * @return the grid picture, {@code ceil(sqrt(n))} tiles wide
     */
    static BufferedImage render(INDArray tiles, int scale) {
        long[] shape = tiles.shape();
        if (shape.length != 4 || (shape[1] != 1 && shape[1] != 3) || shape[0] < 1) {
            throw new IllegalArgumentException("tiles must be [count, 1 or 3 channels, height, width] but have shape "
                    + Arrays.toString(shape));
        }
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be a positive whole factor but is " + scale);
        }
        int count = (int) shape[0];
        int channels = (int) shape[1];
        int height = (int) shape[2];
        int width = (int) shape[3];
        int columns = (int) Math.ceil(Math.sqrt(count));
        int rows = (count + columns - 1) / columns;
        int tileHeight = height * scale;
        int tileWidth = width * scale;
        BufferedImage image = new BufferedImage(columns * (tileWidth + GAP) + GAP, rows * (tileHeight + GAP) + GAP,
                BufferedImage.TYPE_INT_RGB);
        int[] background = new int[image.getWidth() * image.getHeight()];
        Arrays.fill(background, BACKGROUND);
        image.setRGB(0, 0, image.getWidth(), image.getHeight(), background, 0, image.getWidth());

        int plane = height * width;
        for (int t = 0; t < count; t++) {
            double[] values = tiles.get(NDArrayIndex.point(t)).dup('c').data().asDouble();
            int[] levels = stretch(values);
            int left = GAP + (t % columns) * (tileWidth + GAP);
            int top = GAP + (t / columns) * (tileHeight + GAP);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int i = y * width + x;
                    int rgb = channels == 1
                            ? levels[i] * 0x010101
                            : levels[i] << 16 | levels[plane + i] << 8 | levels[2 * plane + i];
                    fill(image, left + x * scale, top + y * scale, scale, rgb);
                }
            }
        }
        return image;
    }

    /** Writes a picture as PNG through a temporary file, so the target is never half-written. */
    static void writePng(BufferedImage image, Path target) throws IOException {
        AtomicFiles.write(target, temporary -> {
            if (!ImageIO.write(image, "png", temporary.toFile())) {
                throw new IOException("no PNG writer is available in this Java runtime");
            }
        });
    }

    /** Maps min..max to 0..255 (rounded); a constant tile becomes 0. */
    private static int[] stretch(double[] values) {
        double min = Arrays.stream(values).min().orElseThrow();
        double max = Arrays.stream(values).max().orElseThrow();
        double range = max - min;
        int[] levels = new int[values.length];
        if (range > 0) {
            for (int i = 0; i < values.length; i++) {
                levels[i] = (int) Math.round(255 * (values[i] - min) / range);
            }
        }
        return levels;
    }

    private static void fill(BufferedImage image, int left, int top, int size, int rgb) {
        for (int y = top; y < top + size; y++) {
            for (int x = left; x < left + size; x++) {
                image.setRGB(x, y, rgb);
            }
        }
    }
}
