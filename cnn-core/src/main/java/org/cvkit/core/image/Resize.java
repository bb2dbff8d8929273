package org.cvkit.core.image;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.Objects;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.cvkit.core.geometry.ImageSize;

/**
 * Plain OpenCV resizing that stretches an image to an exact size, ignoring its aspect ratio: the usual
 * alternative to a {@link Letterbox}. Shrinking averages pixel areas ({@code INTER_AREA}, free of aliasing);
 * enlarging interpolates bilinearly ({@code INTER_LINEAR}), as OpenCV's documentation recommends.
 */
public final class Resize {

    private Resize() {
    }

    /**
     * Resizes an image to exactly {@code size}. Boxes follow with
     * {@code box.scale(size.width() / (double) sourceWidth, size.height() / (double) sourceHeight)}.
     *
     * @param image a non-empty Mat of any type OpenCV can resize
     * @param size  the size of the result
     * @return a new Mat, which the caller closes
     * @throws IllegalArgumentException if the Mat is empty
     */
    public static Mat stretch(Mat image, ImageSize size) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(size, "size");
        if (image.empty()) {
            throw new IllegalArgumentException("the image Mat is empty; check that the file or frame was read");
        }
        boolean shrinking = size.width() <= image.cols() && size.height() <= image.rows();
        Mat resized = new Mat();
        try (Size targetSize = new Size(size.width(), size.height())) {
            resize(image, resized, targetSize, 0, 0, shrinking ? INTER_AREA : INTER_LINEAR);
        }
        return resized;
    }
}
