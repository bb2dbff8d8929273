package org.cvkit.face.detect;

import java.awt.image.BufferedImage;
import org.cvkit.face.tfjs.SquareResize;
import org.cvkit.face.tfjs.TfjsLayout;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The tiny face detector's preprocessing, exactly as face-api's tensor path does it: the image is padded to a
 * square with zeros at the bottom (wide images) or right (tall images), resized to the input size (416 x 416 by
 * default) with tfjs's {@code resizeBilinear} (no half-pixel centres, no antialiasing; skipped when the side already
 * is the input size), and normalized per RGB channel as {@code (v - mean) / 255} in float32 with the means
 * (117.001, 114.697, 97.404).
 */
public final class TinyFaceDetectorInput {

    /** Side of the square network input by default, face-api's. */
    public static final int SIZE = TinyFaceDetectorNetwork.INPUT_SIZE;

    private static final float[] MEAN_RGB = {117.001f, 114.697f, 97.404f};

    private TinyFaceDetectorInput() {
    }

    /**
     * Pads an image to a square at the bottom or right and resizes it to {@value #SIZE} x {@value #SIZE}.
     *
     * @param image any image; its RGB values are read with {@link BufferedImage#getRGB}
     * @return the pixels, HWC RGB row-major, values in [0, 255]
     */
    public static float[] padAndResize(BufferedImage image) {
        return padAndResize(image, SIZE);
    }

    /**
     * Pads an image to a square at the bottom or right and resizes it to the input size.
     *
     * @param image     any image; its RGB values are read with {@link BufferedImage#getRGB}
     * @param inputSize the side of the network input, see {@link TinyFaceDetectorOptions#inputSize()}
     * @return the pixels, HWC RGB row-major, values in [0, 255]
     * @throws IllegalArgumentException if {@code inputSize} is not positive
     */
    public static float[] padAndResize(BufferedImage image, int inputSize) {
        return SquareResize.padAndResize(image, inputSize, false);
    }

    /**
     * Normalizes square pixels into the network input.
     *
     * @param rgb HWC RGB row-major values in [0, 255] of a {@value #SIZE} x {@value #SIZE} image
     * @return the network input {@code [1, 3, 416, 416]} (NCHW, float32); the caller owns it
     * @throws IllegalArgumentException if {@code rgb} does not hold 416 * 416 * 3 values
     */
    public static INDArray normalize(float[] rgb) {
        return normalize(rgb, SIZE);
    }

    /**
     * Normalizes square pixels into the network input.
     *
     * @param rgb       HWC RGB row-major values in [0, 255] of an {@code inputSize x inputSize} image
     * @param inputSize the side of the network input
     * @return the network input {@code [1, 3, inputSize, inputSize]} (NCHW, float32); the caller owns it
     * @throws IllegalArgumentException if {@code rgb} does not hold {@code inputSize * inputSize * 3} values
     */
    public static INDArray normalize(float[] rgb, int inputSize) {
        return TfjsLayout.normalizedNchw(rgb, inputSize, MEAN_RGB, "use padAndResize to bring an image to that size");
    }
}
