package org.cvkit.augment.geometry;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_imgproc.getPerspectiveTransform;

import java.util.Objects;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.augment.Range;
import org.cvkit.core.geometry.ImageSize;

/**
 * Tilts the image as if seen from another viewpoint, keeping its size: each corner moves by up to {@code s} times
 * the width horizontally and {@code s} times the height vertically, where the strength {@code s} is drawn per sample
 * from a range, and the homography taking the image corners to the moved corners warps the image.
 *
 * @param strength the range of the largest corner shift, as a share of the image side, within {@code 0:0.25} so
 *                 that corners cannot cross and fold the image
 * @param border   how uncovered pixels are filled
 */
public record RandomPerspective(Range strength, BorderMode border) implements GeometricTransform {

    private static final double MAX_STRENGTH = 0.25;

    /** Validates the range. */
    public RandomPerspective {
        Objects.requireNonNull(strength, "strength").requireWithin("perspective strength", 0, MAX_STRENGTH);
        Objects.requireNonNull(border, "border");
    }

    @Override
    public Warp plan(ImageSize source, SplittableRandom random) {
        double s = strength.sample(random);
        double width = source.width();
        double height = source.height();
        double[] corners = {0, 0, width, 0, width, height, 0, height};
        double[] moved = new double[corners.length];
        for (int i = 0; i < corners.length; i += 2) {
            moved[i] = corners[i] + (2 * random.nextDouble() - 1) * s * width;
            moved[i + 1] = corners[i + 1] + (2 * random.nextDouble() - 1) * s * height;
        }
        return Warp.general(fourPointHomography(corners, moved), source, border);
    }

    /** @return the homography taking four points to four others, solved by OpenCV's getPerspectiveTransform */
    private static Homography fourPointHomography(double[] from, double[] to) {
        try (Mat fromPoints = points(from); Mat toPoints = points(to);
             Mat solved = getPerspectiveTransform(fromPoints, toPoints);
             DoubleIndexer entries = solved.createIndexer()) {
            double[] rowMajor = new double[9];
            for (int i = 0; i < 9; i++) {
                rowMajor[i] = entries.get(i / 3, i % 3);
            }
            return Homography.of(rowMajor);
        }
    }

    private static Mat points(double[] xy) {
        Mat points = new Mat(xy.length / 2, 1, CV_32FC2);
        try (FloatIndexer values = points.createIndexer()) {
            for (int i = 0; i < xy.length; i++) {
                values.put(i / 2, 0, i % 2, (float) xy[i]);
            }
        }
        return points;
    }
}
