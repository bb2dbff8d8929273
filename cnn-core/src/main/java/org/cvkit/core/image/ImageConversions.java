package org.cvkit.core.image;

import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.function.Function;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Conversions between OpenCV {@code Mat}s, {@code BufferedImage}s and JavaCV {@code Frame}s. Every result is a
 * deep copy that shares no memory with its source; returned {@code Mat}s and {@code Frame}s belong to the caller,
 * who closes them.
 */
public final class ImageConversions {

    private ImageConversions() {
    }

    /**
     * Copies an 8-bit BGR or gray Mat into a {@code TYPE_3BYTE_BGR} or {@code TYPE_BYTE_GRAY} image, with one bulk
     * read of the native pixels.
     *
     * @param image the Mat, CV_8UC3 (BGR) or CV_8UC1 (gray)
     * @return a new image with the same pixels
     * @throws IllegalArgumentException if the Mat is empty, not 8-bit, or has other than 1 or 3 channels
     */
    public static BufferedImage toBufferedImage(Mat image) {
        return PackedPixels.of(image).toBufferedImage();
    }

    /**
     * Copies an image into a new Mat: CV_8UC1 when the image has one colour component (gray), CV_8UC3 in BGR
     * order otherwise. Alpha is composited over black.
     *
     * @param image the image, of any type
     * @return a new Mat, which the caller closes
     */
    public static Mat toMat(BufferedImage image) {
        return PackedPixels.of(image).toMat();
    }

    /**
     * Copies the picture of a video frame into a new Mat of the frame's depth and channel count.
     *
     * @param frame a frame that holds an image
     * @return a new Mat, which the caller closes
     * @throws IllegalArgumentException if the frame holds no image (an audio frame) or an unknown pixel depth
     */
    public static Mat toMat(Frame frame) {
        return readFrame(frame, Mat::clone);
    }

    /**
     * Copies a Mat into a new video frame, for example to hand it to a JavaCV {@code FrameRecorder}.
     *
     * @param image a non-empty Mat
     * @return a new frame that owns its pixels, which the caller closes
     * @throws IllegalArgumentException if the Mat is empty
     */
    public static Frame toFrame(Mat image) {
        Objects.requireNonNull(image, "image");
        if (image.empty()) {
            throw new IllegalArgumentException("the image Mat is empty; there is no picture to put in a frame");
        }
        try (OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            return converter.convert(image).clone();
        }
    }

    /**
     * Lends a frame's picture as a Mat that shares the frame's memory, for the duration of {@code reader} only.
     *
     * @throws IllegalArgumentException if the frame holds no image or an unknown pixel depth
     */
    static <T> T readFrame(Frame frame, Function<Mat, T> reader) {
        Objects.requireNonNull(frame, "frame");
        if (frame.image == null || frame.image.length == 0) {
            throw new IllegalArgumentException("the frame holds no image (an audio frame?); skip frames whose "
                    + "image is null, or grab with grabImage()");
        }
        try (OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            Mat view = converter.convert(frame);
            if (view == null) {
                throw new IllegalArgumentException("the frame's pixel depth " + frame.imageDepth
                        + " has no OpenCV equivalent");
            }
            return reader.apply(view);
        }
    }
}
