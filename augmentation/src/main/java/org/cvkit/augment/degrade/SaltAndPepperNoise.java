package org.cvkit.augment.degrade;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.greaterThanEquals;
import static org.bytedeco.opencv.global.opencv_core.lessThan;

import java.util.Objects;
import java.util.SplittableRandom;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatExpr;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.cvkit.augment.Range;
import org.cvkit.augment.Sample;
import org.cvkit.augment.Transform;

/**
 * Sets a share of the pixels, drawn per sample, to black or white (half each, all channels of a pixel together), as
 * dead and stuck sensor cells do.
 *
 * @param fraction the range of the share of pixels hit, within {@code 0:1}
 */
public record SaltAndPepperNoise(Range fraction) implements Transform {

    /** Validates the range. */
    public SaltAndPepperNoise {
        Objects.requireNonNull(fraction, "fraction").requireWithin("salt-and-pepper fraction", 0, 1);
    }

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        double hit = fraction.sample(random);
        Mat image = sample.image();
        Mat result = image.clone();
        try (Mat draws = new Mat(image.rows(), image.cols(), CV_32F)) {
            SeededNoise.uniform(draws, 0, 1, random);
            paint(result, lessThan(draws, hit / 2), 0);
            paint(result, greaterThanEquals(draws, 1 - hit / 2), 255);
        }
        return sample.withImage(result);
    }

    private static void paint(Mat image, MatExpr where, double level) {
        try (where; Mat mask = where.asMat(); Scalar colour = Scalar.all(level); Mat value = new Mat(colour)) {
            image.setTo(value, mask);
        }
    }
}
