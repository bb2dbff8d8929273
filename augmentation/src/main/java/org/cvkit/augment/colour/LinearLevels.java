package org.cvkit.augment.colour;

import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.augment.Sample;

/**
 * Maps every level through a straight line, {@code out = in * gain + offset}, rounded and clamped to 0..255, with
 * OpenCV's {@code convertTo}: a single vectorised pass, which beats a lookup table for linear maps.
 */
final class LinearLevels {

    private LinearLevels() {
    }

    /**
     * @param sample the input, left unchanged
     * @param gain   the factor applied to each level
     * @param offset the level added after scaling
     * @return a sample with the mapped image, which the caller closes
     */
    static Sample apply(Sample sample, double gain, double offset) {
        Mat result = new Mat();
        sample.image().convertTo(result, -1, gain, offset);
        return sample.withImage(result);
    }
}
