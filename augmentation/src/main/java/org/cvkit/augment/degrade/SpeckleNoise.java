package org.cvkit.augment.degrade;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.multiply;

import java.util.Objects;
import java.util.SplittableRandom;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.augment.Range;
import org.cvkit.augment.Sample;
import org.cvkit.augment.Transform;

/**
 * Multiplicative noise, as in radar and ultrasound images: {@code out = in * (1 + n)} with {@code n} drawn
 * independently per level from a zero-mean Gaussian whose standard deviation is drawn per sample. Bright areas get
 * more noise than dark ones; black stays black.
 *
 * @param sigma the range of relative standard deviations, not negative (0.1 is 10% of the level)
 */
public record SpeckleNoise(Range sigma) implements Transform {

    /** Validates the range. */
    public SpeckleNoise {
        Objects.requireNonNull(sigma, "sigma").requireAtLeast("speckle noise sigma", 0);
    }

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        double deviation = sigma.sample(random);
        Mat image = sample.image();
        Mat result = new Mat();
        try (Mat levels = new Mat(); Mat gains = new Mat(image.rows(), image.cols(), CV_32FC(image.channels()))) {
            image.convertTo(levels, CV_32F);
            SeededNoise.normal(gains, 1, deviation, random);
            multiply(levels, gains, levels);
            levels.convertTo(result, CV_8U);
        }
        return sample.withImage(result);
    }
}
