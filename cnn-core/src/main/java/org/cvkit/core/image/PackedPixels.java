package org.cvkit.core.image;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC;

import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Arrays;
import java.util.Objects;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.core.geometry.ImageSize;

/**
 * 8-bit pixels packed row by row with interleaved channels in OpenCV's order (B, G, R, or one gray level):
 * the layout that OpenCV {@code Mat}s, {@code TYPE_3BYTE_BGR}/{@code TYPE_BYTE_GRAY} rasters and the tensor
 * bridges share, so each conversion is one bulk copy. The data array may be shared with the image it was read
 * from or written to; it is never modified after construction.
 */
final class PackedPixels {

    private static final String[] DEPTH_NAMES = {"CV_8U", "CV_8S", "CV_16U", "CV_16S", "CV_32S", "CV_32F",
            "CV_64F", "CV_16F"};
    private static final int[] BGR_BAND_OFFSETS = {2, 1, 0};
    private static final int[] GRAY_BAND_OFFSETS = {0};

    private final int width;
    private final int height;
    private final int channels;
    private final byte[] data;

    PackedPixels(int width, int height, int channels, byte[] data) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive but is " + width + "x" + height);
        }
        requireSupportedChannels(channels, "image");
        if (data.length != (long) width * height * channels) {
            throw new IllegalArgumentException("a " + width + "x" + height + "x" + channels + " image needs "
                    + (long) width * height * channels + " bytes but " + data.length + " were given");
        }
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.data = data;
    }

    /**
     * Reads a Mat with one bulk copy (one per row when the Mat is a non-continuous region of interest).
     *
     * @throws IllegalArgumentException if the Mat is not a non-empty 8-bit gray or BGR image
     */
    static PackedPixels of(Mat image) {
        requireSupported(image);
        int rowBytes = image.cols() * image.channels();
        byte[] data = new byte[rowBytes * image.rows()];
        if (image.isContinuous()) {
            try (BytePointer pixels = image.data()) {
                pixels.get(data, 0, data.length);
            }
        } else {
            for (int row = 0; row < image.rows(); row++) {
                try (BytePointer pixels = image.ptr(row)) {
                    pixels.get(data, row * rowBytes, rowBytes);
                }
            }
        }
        return new PackedPixels(image.cols(), image.rows(), image.channels(), data);
    }

    /**
     * Reads a BufferedImage: images with one colour component become gray, all others BGR (alpha is composited
     * over black). {@code TYPE_3BYTE_BGR} and {@code TYPE_BYTE_GRAY} images are read without copying.
     */
    static PackedPixels of(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        boolean gray = image.getColorModel().getNumColorComponents() == 1;
        int packedType = gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR;
        BufferedImage packed = image.getType() == packedType && isTightlyPacked(image.getRaster())
                ? image : redraw(image, packedType);
        byte[] data = ((DataBufferByte) packed.getRaster().getDataBuffer()).getData();
        return new PackedPixels(image.getWidth(), image.getHeight(), gray ? 1 : 3, data);
    }

    /**
     * Checks that a Mat is an image this package supports.
     *
     * @throws IllegalArgumentException if the Mat is empty, not 8-bit, or has other than 1 or 3 channels
     */
    static void requireSupported(Mat image) {
        Objects.requireNonNull(image, "image");
        if (image.empty()) {
            throw new IllegalArgumentException("the image Mat is empty; check that the file or frame was read");
        }
        if (image.depth() != CV_8U) {
            throw new IllegalArgumentException("the image Mat has depth " + depthName(image.depth())
                    + " but only 8-bit images (CV_8U) are supported; convert with mat.convertTo(dst, CV_8U)");
        }
        requireSupportedChannels(image.channels(), "the image Mat");
    }

    /** Copies the pixels into a new Mat of type CV_8UC1 or CV_8UC3, which the caller closes. */
    Mat toMat() {
        Mat mat = new Mat(height, width, CV_8UC(channels));
        try (BytePointer pixels = mat.data()) {
            pixels.put(data, 0, data.length);
        }
        return mat;
    }

    /** Wraps the pixels, without copying, in a {@code TYPE_3BYTE_BGR} or {@code TYPE_BYTE_GRAY} image. */
    BufferedImage toBufferedImage() {
        boolean gray = channels == 1;
        WritableRaster raster = Raster.createInterleavedRaster(new DataBufferByte(data, data.length),
                width, height, width * channels, channels, gray ? GRAY_BAND_OFFSETS : BGR_BAND_OFFSETS, null);
        ColorModel colourModel = new ComponentColorModel(
                ColorSpace.getInstance(gray ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB),
                false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        return new BufferedImage(colourModel, raster, false, null);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    int channels() {
        return channels;
    }

    ImageSize size() {
        return new ImageSize(width, height);
    }

    /** @return the packed bytes; callers must not modify them */
    byte[] data() {
        return data;
    }

    /** @return true if both images have the same size and channel count */
    boolean sameLayout(PackedPixels other) {
        return width == other.width && height == other.height && channels == other.channels;
    }

    /** @return the layout as {@code WIDTHxHEIGHTxCHANNELS} */
    String layout() {
        return width + "x" + height + "x" + channels;
    }

    private static void requireSupportedChannels(int channels, String what) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException(what + " has " + channels + " channels but only 1 (gray) or 3 (BGR)"
                    + " are supported; convert it first, for example with opencv_imgproc.cvtColor(src, dst,"
                    + " COLOR_BGRA2BGR)");
        }
    }

    private static String depthName(int depth) {
        return depth >= 0 && depth < DEPTH_NAMES.length ? DEPTH_NAMES[depth] : "code " + depth;
    }

    private static boolean isTightlyPacked(WritableRaster raster) {
        return raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && raster.getDataBuffer().getNumBanks() == 1 && raster.getDataBuffer().getOffset() == 0
                && raster.getSampleModel() instanceof ComponentSampleModel layout
                && layout.getPixelStride() == raster.getNumBands()
                && layout.getScanlineStride() == raster.getWidth() * raster.getNumBands()
                && raster.getDataBuffer().getSize() == raster.getWidth() * raster.getHeight() * raster.getNumBands()
                && Arrays.equals(layout.getBandOffsets(),
                        raster.getNumBands() == 1 ? GRAY_BAND_OFFSETS : BGR_BAND_OFFSETS);
    }

    private static BufferedImage redraw(BufferedImage image, int packedType) {
        BufferedImage packed = new BufferedImage(image.getWidth(), image.getHeight(), packedType);
        Graphics2D graphics = packed.createGraphics();
        try {
            graphics.drawImage(image, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return packed;
    }
}
