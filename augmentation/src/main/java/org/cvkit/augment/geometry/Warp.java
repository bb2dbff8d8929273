package org.cvkit.augment.geometry;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;
import static org.bytedeco.opencv.global.opencv_imgproc.warpPerspective;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.cvkit.augment.LabeledBox;
import org.cvkit.augment.Sample;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.core.geometry.Keypoint;

/**
 * One geometric transform as planned for one sample: the homography that moves every point, the size of the
 * result, and how the pixels are produced. The pixels come from OpenCV's {@code warpAffine} or
 * {@code warpPerspective} with the same matrix, or from a faster call (flip, quarter-turn rotation, crop and resize)
 * that gives the same picture; boxes and keypoints always go through the matrix, so geometry has one home.
 *
 * @param matrix     maps source pixel coordinates to result pixel coordinates
 * @param outputSize the size of the result
 * @param pixels     produces the result's pixels from the source image
 */
public record Warp(Homography matrix, ImageSize outputSize, PixelWarp pixels) {

    /** Produces the pixels of a warped image. */
    @FunctionalInterface
    public interface PixelWarp {
        /**
         * @param source the source image, left unchanged
         * @return a new image of the warp's output size, which the caller closes
         */
        Mat render(Mat source);
    }

    /** Validates that every part is given. */
    public Warp {
        Objects.requireNonNull(matrix, "matrix");
        Objects.requireNonNull(outputSize, "outputSize");
        Objects.requireNonNull(pixels, "pixels");
    }

    /**
     * A warp whose pixels come from {@code warpAffine} (for affine matrices) or {@code warpPerspective}, with
     * bilinear interpolation.
     *
     * @param matrix     maps source to result coordinates
     * @param outputSize the size of the result
     * @param border     how pixels from outside the source are filled
     * @return the warp
     */
    public static Warp general(Homography matrix, ImageSize outputSize, BorderMode border) {
        Objects.requireNonNull(border, "border");
        return new Warp(matrix, outputSize, source -> warpPixels(source, matrix, outputSize, border));
    }

    /**
     * Applies the warp: renders the pixels, maps boxes and keypoints, and records the step in the sample's geometry.
     *
     * @param sample the source sample, left unchanged
     * @return the warped sample, which the caller closes
     */
    public Sample apply(Sample sample) {
        List<LabeledBox> boxes = new ArrayList<>(sample.boxes().size());
        for (LabeledBox box : sample.boxes()) {
            map(box.box(), sample.minBoxVisibility()).map(box::withBox).ifPresent(boxes::add);
        }
        List<Keypoint> keypoints = sample.keypoints().stream().map(this::map).toList();
        return new Sample(pixels.render(sample.image()), boxes, keypoints, sample.geometry().then(matrix),
                sample.minBoxVisibility());
    }

    /**
     * Maps a box: its four corners go through the matrix, the box enclosing them is clipped to the result, and it
     * is dropped when the clipped area is zero or below {@code minVisibility} of the enclosing box's area.
     *
     * @param box           a box in source pixels
     * @param minVisibility the share of the mapped box that must remain inside the result, from 0 to 1
     * @return the mapped box, or empty if too little of it remains or a corner is sent beyond the horizon
     */
    public Optional<Box> map(Box box, double minVisibility) {
        double[][] corners = {{box.x1(), box.y1()}, {box.x2(), box.y1()}, {box.x1(), box.y2()}, {box.x2(), box.y2()}};
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (double[] corner : corners) {
            if (!matrix.keepsInFront(corner[0], corner[1])) {
                return Optional.empty();
            }
            Keypoint mapped = matrix.map(new Keypoint(corner[0], corner[1], true));
            minX = Math.min(minX, mapped.x());
            minY = Math.min(minY, mapped.y());
            maxX = Math.max(maxX, mapped.x());
            maxY = Math.max(maxY, mapped.y());
        }
        Box enclosing = new Box(minX, minY, maxX, maxY);
        Box clipped = enclosing.clip(outputSize);
        boolean visibleEnough = clipped.area() > 0 && clipped.area() >= minVisibility * enclosing.area();
        return visibleEnough ? Optional.of(clipped) : Optional.empty();
    }

    /**
     * Maps a keypoint; one that lands outside the result (or beyond the horizon, where it keeps its position) is
     * marked not visible.
     *
     * @param point a point in source pixels
     * @return the point in result pixels
     */
    public Keypoint map(Keypoint point) {
        if (!matrix.keepsInFront(point.x(), point.y())) {
            return new Keypoint(point.x(), point.y(), false);
        }
        Keypoint mapped = matrix.map(point);
        return mapped.isInside(outputSize) ? mapped : new Keypoint(mapped.x(), mapped.y(), false);
    }

    private static Mat warpPixels(Mat source, Homography matrix, ImageSize outputSize, BorderMode border) {
        // OpenCV puts pixel (i, j) at (i, j), half a pixel from the continuous coordinates of Homography.
        Homography pixelCentres = Homography.translation(0.5, 0.5).then(matrix).then(Homography.translation(-0.5, -0.5));
        Mat result = new Mat();
        try (Mat cvMatrix = new Mat(pixelCentres.isAffine() ? 2 : 3, 3, CV_64F);
             Size size = new Size(outputSize.width(), outputSize.height());
             Scalar black = new Scalar(0.0)) {
            try (DoubleIndexer entries = cvMatrix.createIndexer()) {
                for (int row = 0; row < cvMatrix.rows(); row++) {
                    for (int col = 0; col < 3; col++) {
                        entries.put(row, col, pixelCentres.get(row, col));
                    }
                }
            }
            if (pixelCentres.isAffine()) {
                warpAffine(source, result, cvMatrix, size, INTER_LINEAR, border.openCvCode(), black);
            } else {
                warpPerspective(source, result, cvMatrix, size, INTER_LINEAR, border.openCvCode(), black);
            }
        }
        return result;
    }
}
