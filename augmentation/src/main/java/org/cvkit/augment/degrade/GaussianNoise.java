package org.cvkit.augment.degrade;

import static org.bytedeco.opencv.global.opencv_core.CV_16SC;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.noArray;

import java.util.Objects;
import java.util.SplittableRandom;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.augment.Range;
import org.cvkit.augment.Sample;
import org.cvkit.augment.Transform;

/**
 * Adds independent zero-mean Gaussian noise to every level of every channel, with the standard deviation drawn per
 * sample; results are rounded and clamped to 0..255.
 *
 * @param sigma the range of standard deviations in levels, not negative
 */
public record GaussianNoise(Range sigma) implements Transform {

    /** Validates the range. */
    public GaussianNoise {
        Objects.requireNonNull(sigma, "sigma").requireAtLeast("Gaussian noise sigma", 0);
    }

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        double deviation = sigma.sample(random);
        Mat image = sample.image();
        Mat result = new Mat();
        try (Mat noise = new Mat(image.rows(), image.cols(), CV_16SC(image.channels())); Mat noMask = noArray()) {
            SeededNoise.normal(noise, 0, deviation, random);
            add(image, noise, result, noMask, CV_8U);
        }
        return sample.withImage(result);
    }
}
