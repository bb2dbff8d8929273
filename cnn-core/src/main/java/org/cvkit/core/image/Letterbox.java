package org.cvkit.core.image;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;

import java.awt.Color;
import java.util.Objects;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.cvkit.core.geometry.ImageSize;

/**
 * Resizes images into a fixed network input size while keeping their aspect ratio: the image is scaled to fit,
 * centred, and the rest is filled with a pad colour. Compare {@link Resize#stretch}, which distorts instead.
 *
 * @param target    size of the letterboxed image
 * @param padColour colour of the padding; gray images use its luma {@code 0.299 R + 0.587 G + 0.114 B}
 */
public record Letterbox(ImageSize target, Color padColour) {

    /** Mid-gray, the 0.5 that Darknet's letterbox pads with, in 8-bit levels. */
    public static final Color DEFAULT_PAD_COLOUR = new Color(128, 128, 128);

    /** Validates that both parts are given. */
    public Letterbox {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(padColour, "padColour");
    }

    /**
     * A letterbox into {@code target} with the {@link #DEFAULT_PAD_COLOUR}.
     *
     * @param target size of the letterboxed image
     * @return the letterbox
     */
    public static Letterbox to(ImageSize target) {
        return new Letterbox(target, DEFAULT_PAD_COLOUR);
    }

    /**
     * This letterbox with another pad colour.
     *
     * @param colour colour of the padding
     * @return the letterbox
     */
    public Letterbox withPadColour(Color colour) {
        return new Letterbox(target, colour);
    }

    /**
     * Letterboxes an image: scales it by {@link LetterboxTransform#fit}, resizes it as {@link Resize#stretch}
     * does, and pads it to {@link #target()}.
     *
     * @param image an 8-bit BGR (CV_8UC3) or gray (CV_8UC1) Mat
     * @return the padded image, of the source's type, with its transform; the caller closes it
     * @throws IllegalArgumentException if the Mat is empty, not 8-bit, or has other than 1 or 3 channels
     */
    public LetterboxedImage apply(Mat image) {
        PackedPixels.requireSupported(image);
        LetterboxTransform transform = LetterboxTransform.fit(new ImageSize(image.cols(), image.rows()), target);
        ImageSize content = transform.contentSize();
        Mat letterboxed = new Mat();
        try (Mat resized = Resize.stretch(image, content); Scalar pad = padScalar(image.channels())) {
            copyMakeBorder(resized, letterboxed,
                    transform.offsetY(), target.height() - content.height() - transform.offsetY(),
                    transform.offsetX(), target.width() - content.width() - transform.offsetX(),
                    BORDER_CONSTANT, pad);
        } catch (RuntimeException e) {
            letterboxed.close();
            throw e;
        }
        return new LetterboxedImage(letterboxed, transform);
    }

    private Scalar padScalar(int channels) {
        if (channels == 1) {
            return new Scalar(Math.round(0.299 * padColour.getRed() + 0.587 * padColour.getGreen()
                    + 0.114 * padColour.getBlue()));
        }
        return new Scalar(padColour.getBlue(), padColour.getGreen(), padColour.getRed(), 0);
    }
}
