package org.cvkit.augment;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.augment.geometry.Homography;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.core.geometry.Keypoint;
import org.cvkit.core.image.ImageConversions;

/**
 * An image with its annotations, the value that every {@link Transform} takes and gives.
 *
 * <p>The sample owns its image, an 8-bit BGR ({@code CV_8UC3}) or gray ({@code CV_8UC1}) OpenCV {@code Mat}, and
 * {@link #close()} releases it. Boxes and keypoints are in pixels of that image. The {@code geometry} maps pixel
 * coordinates of the original image to this one, so results (or any point) can be carried between the two.
 * Keypoints keep their order, since their index says which landmark they are; a keypoint that a transform moves off
 * the image is kept and marked not visible. Boxes that a transform cuts are clipped to the image and dropped when
 * less than {@code minBoxVisibility} of their area remains: a labelling convention of the data set, so it travels
 * with its samples.
 *
 * @param image            the pixels, owned by the sample
 * @param boxes            labelled boxes in pixels of {@code image}
 * @param keypoints        landmarks in pixels of {@code image}
 * @param geometry         the map from the original image's pixel coordinates to this image's
 * @param minBoxVisibility the share of a box's area, from 0 to 1, that must stay inside the image after a geometric
 *                         transform for the box to be kept
 */
public record Sample(Mat image, List<LabeledBox> boxes, List<Keypoint> keypoints, Homography geometry,
                     double minBoxVisibility) implements AutoCloseable {

    /** The default {@code minBoxVisibility}: a box is kept while at least a quarter of it remains in view. */
    public static final double DEFAULT_MIN_BOX_VISIBILITY = 0.25;

    /**
     * Validates the image and the threshold and copies the lists.
     *
     * @throws IllegalArgumentException if the image is empty, not 8-bit, or has other than 1 or 3 channels, or the
     *                                  threshold is outside {@code [0, 1]}
     */
    public Sample {
        requireImage(image);
        boxes = List.copyOf(boxes);
        keypoints = List.copyOf(keypoints);
        Objects.requireNonNull(geometry, "geometry");
        if (!(minBoxVisibility >= 0 && minBoxVisibility <= 1)) {
            throw new IllegalArgumentException("minBoxVisibility is a share of the box area and must lie within 0:1"
                    + " but is " + minBoxVisibility);
        }
    }

    /**
     * A sample without annotations.
     *
     * @param image the pixels, whose ownership passes to the sample
     * @return the sample
     */
    public static Sample of(Mat image) {
        return of(image, List.of(), List.of());
    }

    /**
     * An annotated sample with the identity geometry and the default box visibility threshold.
     *
     * @param image     the pixels, whose ownership passes to the sample
     * @param boxes     labelled boxes in pixels
     * @param keypoints landmarks in pixels
     * @return the sample
     */
    public static Sample of(Mat image, List<LabeledBox> boxes, List<Keypoint> keypoints) {
        return new Sample(image, boxes, keypoints, Homography.IDENTITY, DEFAULT_MIN_BOX_VISIBILITY);
    }

    /**
     * An annotated sample from a Java image, copied into a new Mat with cnn-core's
     * {@link ImageConversions#toMat(BufferedImage)} (gray images stay gray, all others become BGR).
     *
     * @param image     the picture, of any type
     * @param boxes     labelled boxes in pixels
     * @param keypoints landmarks in pixels
     * @return the sample, which owns the copy
     */
    public static Sample of(BufferedImage image, List<LabeledBox> boxes, List<Keypoint> keypoints) {
        return of(ImageConversions.toMat(image), boxes, keypoints);
    }

    /** @return a copy of the image as a {@code TYPE_3BYTE_BGR} or {@code TYPE_BYTE_GRAY} Java image */
    public BufferedImage toBufferedImage() {
        return ImageConversions.toBufferedImage(image);
    }

    /** @return the size of the image */
    public ImageSize size() {
        return new ImageSize(image.cols(), image.rows());
    }

    /** @return 3 for BGR, 1 for gray */
    public int channels() {
        return image.channels();
    }

    /**
     * A sample with new pixels and the same annotations and geometry, for transforms that move no pixel.
     *
     * @param newImage pixels of the same size, whose ownership passes to the new sample
     * @return the new sample
     * @throws IllegalArgumentException if the size differs
     */
    public Sample withImage(Mat newImage) {
        requireImage(newImage);
        if (newImage.cols() != image.cols() || newImage.rows() != image.rows()) {
            throw new IllegalArgumentException("withImage keeps the annotations, so the size must stay " + size()
                    + " but the new image is " + newImage.cols() + "x" + newImage.rows());
        }
        return new Sample(newImage, boxes, keypoints, geometry, minBoxVisibility);
    }

    /**
     * @param threshold the share of a box's area, from 0 to 1, that must stay in view for the box to be kept
     * @return a sample sharing this one's image, with the new threshold
     */
    public Sample withMinBoxVisibility(double threshold) {
        return new Sample(image, boxes, keypoints, geometry, threshold);
    }

    /** @return a sample with a copy of the image and the same annotations, which the caller closes */
    public Sample copy() {
        return new Sample(image.clone(), boxes, keypoints, geometry, minBoxVisibility);
    }

    /**
     * Checks that the image is colour, for transforms that work on hue or saturation.
     *
     * @param transform the name of the transform, for the message
     * @throws IllegalArgumentException if the image has one channel
     */
    public void requireColour(String transform) {
        if (channels() != 3) {
            throw new IllegalArgumentException(transform + " needs a 3-channel BGR image but this one is gray; "
                    + "leave it out for gray data, or convert with cvtColor(src, dst, COLOR_GRAY2BGR)");
        }
    }

    /** Releases the image. */
    @Override
    public void close() {
        image.close();
    }

    private static void requireImage(Mat image) {
        Objects.requireNonNull(image, "image");
        if (image.isNull() || image.empty()) {
            throw new IllegalArgumentException("the image is empty; check that the file or frame was read");
        }
        if (image.depth() != CV_8U) {
            throw new IllegalArgumentException("the image has OpenCV depth code " + image.depth() + " but only 8-bit"
                    + " images (CV_8U) can be augmented; convert with mat.convertTo(dst, CV_8U)");
        }
        if (image.channels() != 1 && image.channels() != 3) {
            throw new IllegalArgumentException("the image has " + image.channels() + " channels but only 1 (gray) or"
                    + " 3 (BGR) can be augmented; convert with cvtColor, for example COLOR_BGRA2BGR");
        }
    }
}
