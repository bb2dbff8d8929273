package org.cvkit.augment.degrade;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;

import java.util.SplittableRandom;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.RNG;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Fills Mats with random values from an OpenCV generator seeded from the sample's generator. */
final class SeededNoise {

    private SeededNoise() {
    }

    /**
     * Fills a Mat with normally distributed values, the same distribution in every channel.
     *
     * @param target the Mat to fill, already allocated
     * @param mean   the mean
     * @param sigma  the standard deviation
     * @param random the generator of the sample, which seeds OpenCV's
     */
    static void normal(Mat target, double mean, double sigma, SplittableRandom random) {
        fill(target, RNG.NORMAL, mean, sigma, random);
    }

    /**
     * Fills a Mat with values drawn uniformly from {@code [low, high)}.
     *
     * @param target the Mat to fill, already allocated
     * @param low    the lower end
     * @param high   the upper end
     * @param random the generator of the sample, which seeds OpenCV's
     */
    static void uniform(Mat target, double low, double high, SplittableRandom random) {
        fill(target, RNG.UNIFORM, low, high, random);
    }

    private static void fill(Mat target, int distribution, double a, double b, SplittableRandom random) {
        try (RNG generator = new RNG(random.nextInt());
             Scalar first = Scalar.all(a); Scalar second = Scalar.all(b);
             Mat firstParameter = new Mat(1, 1, CV_64F, first); Mat secondParameter = new Mat(1, 1, CV_64F, second)) {
            generator._fill(target, distribution, firstParameter, secondParameter);
        }
    }
}
