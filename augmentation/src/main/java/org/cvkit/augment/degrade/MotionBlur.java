package org.cvkit.augment.degrade;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.sumElems;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.filter2D;
import static org.bytedeco.opencv.global.opencv_imgproc.line;

import java.util.Objects;
import java.util.SplittableRandom;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.cvkit.augment.Range;
import org.cvkit.augment.Sample;
import org.cvkit.augment.Transform;

/**
 * Smears the image along a straight line, as a moving camera does: the kernel is a normalized line segment through
 * its centre, with length and direction drawn per sample (the length rounded to an odd whole number of pixels),
 * applied with {@code filter2D}.
 *
 * @param length  the range of streak lengths in pixels, at least 1 (1 leaves the image unchanged)
 * @param degrees the range of streak directions, counter-clockwise from horizontal
 */
public record MotionBlur(Range length, Range degrees) implements Transform {

    /** Validates the ranges. */
    public MotionBlur {
        Objects.requireNonNull(length, "length").requireAtLeast("motion blur length", 1);
        Objects.requireNonNull(degrees, "degrees");
    }

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        int size = (int) Math.round(length.sample(random)) | 1;
        double direction = Math.toRadians(degrees.sample(random));
        Mat result = new Mat();
        try (Mat kernel = lineKernel(size, direction)) {
            filter2D(sample.image(), result, -1, kernel);
        }
        return sample.withImage(result);
    }

    /** @return a {@code size x size} float kernel holding an anti-aliased line through its centre, summing to 1 */
    private static Mat lineKernel(int size, double direction) {
        Mat kernel = new Mat(size, size, CV_32F, Scalar.all(0));
        int centre = size / 2;
        // Points carry 4 fractional bits, so the line ends need not fall on whole pixels.
        int shift = 4;
        double scale = 1 << shift;
        double reachX = Math.cos(direction) * centre;
        double reachY = -Math.sin(direction) * centre;
        try (Point from = new Point((int) Math.round((centre - reachX) * scale), (int) Math.round((centre - reachY) * scale));
             Point to = new Point((int) Math.round((centre + reachX) * scale), (int) Math.round((centre + reachY) * scale));
             Scalar one = Scalar.all(1)) {
            line(kernel, from, to, one, 1, LINE_AA, shift);
        }
        try (Scalar total = sumElems(kernel)) {
            kernel.convertTo(kernel, CV_32F, 1 / total.get(0), 0);
        }
        return kernel;
    }
}
