package org.cvkit.face.landmarks;

import java.awt.image.BufferedImage;
import org.cvkit.face.tfjs.SquareResize;
import org.cvkit.face.tfjs.TfjsLayout;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The landmark net's preprocessing, as face-api's tensor path does it: a face crop is zero-padded to a centred
 * square and resized to 112 x 112 ({@link SquareResize}), then normalized as {@code (v - mean) / 255} per
 * RGB channel in float32 with the means (122.782, 117.001, 104.298).
 */
public final class FaceLandmarkInput {

    /** Side of the square network input. */
    public static final int SIZE = FaceLandmark68Network.INPUT_SIZE;

    private static final float[] MEAN_RGB = {122.782f, 117.001f, 104.298f};

    private FaceLandmarkInput() {
    }

    /**
     * Prepares a face crop as face-api's tensor path does: a centred zero pad to a square, a tfjs bilinear
     * resize to {@value #SIZE} x {@value #SIZE} and the normalization.
     *
     * @param crop the face crop, any size
     * @return the network input {@code [1, 3, 112, 112]} (NCHW, float32); the caller owns it
     */
    public static INDArray fromCrop(BufferedImage crop) {
        return normalize(SquareResize.padAndResize(crop, SIZE, true));
    }

    /**
     * @param rgb HWC RGB row-major values in [0, 255] of a {@value #SIZE} x {@value #SIZE} face crop
     * @return the network input {@code [1, 3, 112, 112]} (NCHW, float32); the caller owns it
     * @throws IllegalArgumentException if {@code rgb} does not hold 112 * 112 * 3 values
     */
    public static INDArray normalize(float[] rgb) {
        return TfjsLayout.normalizedNchw(rgb, SIZE, MEAN_RGB, "resize the face crop to 112 x 112 first");
    }
}
