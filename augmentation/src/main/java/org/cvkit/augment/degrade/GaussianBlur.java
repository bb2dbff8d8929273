package org.cvkit.augment.degrade;

import java.util.Objects;
import java.util.SplittableRandom;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.cvkit.augment.Range;
import org.cvkit.augment.Sample;
import org.cvkit.augment.Transform;

/**
 * Blurs with a Gaussian kernel whose standard deviation is drawn per sample; OpenCV sizes the kernel from it.
 * Out-of-focus optics in one step.
 *
 * @param sigma the range of standard deviations in pixels, positive
 */
public record GaussianBlur(Range sigma) implements Transform {

    /** Validates the range. */
    public GaussianBlur {
        Objects.requireNonNull(sigma, "sigma").requireAbove("Gaussian blur sigma", 0);
    }

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        double deviation = sigma.sample(random);
        Mat result = new Mat();
        try (Size fromSigma = new Size(0, 0)) {
            opencv_imgproc.GaussianBlur(sample.image(), result, fromSigma, deviation);
        }
        return sample.withImage(result);
    }
}
