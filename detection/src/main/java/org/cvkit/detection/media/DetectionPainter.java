package org.cvkit.detection.media;

import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.getTextSize;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.Keypoint;
import org.cvkit.detection.geometry.Detection;

/**
 * Draws detections onto an image: each box in its class's colour with a label ("person 87%") in white on a filled
 * strip above it (inside the box when there is no room above, shifted left at the right edge), readable on any
 * background, and each keypoint as a {@link #KEYPOINT_BGR} dot. Line width, text and dot size follow the image size.
 */
public final class DetectionPainter {

    /** The colour of keypoint dots, as OpenCV's blue, green, red: a bright green. */
    public static final Scalar KEYPOINT_BGR = new Scalar(80, 255, 80, 0);

    private static final double GOLDEN_RATIO_CONJUGATE = 0.618033988749895;
    /** Image side per pixel of line width, and per unit of OpenCV font scale. */
    private static final int LINE_SIDE = 300;
    private static final int FONT_SIDE = 1200;
    private static final double MIN_FONT_SCALE = 0.35;
    /** Image side per pixel of keypoint radius. */
    private static final int KEYPOINT_SIDE = 480;

    private final boolean showScores;

    /** Creates a painter whose labels give the class and the score, "person 87%". */
    public DetectionPainter() {
        this(true);
    }

    private DetectionPainter(boolean showScores) {
        this.showScores = showScores;
    }

    /** @return a painter whose labels give only the class, for annotations that have no score */
    public static DetectionPainter withoutScores() {
        return new DetectionPainter(false);
    }

    /**
     * Draws the detections onto the image.
     *
     * @param image      an 8-bit BGR image, changed in place
     * @param detections boxes in the image's pixels
     * @throws IllegalArgumentException if the image is empty or not 8-bit BGR
     */
    public void paint(Mat image, List<Detection> detections) {
        Objects.requireNonNull(detections, "detections");
        if (Objects.requireNonNull(image, "image").empty() || image.channels() != 3) {
            throw new IllegalArgumentException("detections are drawn onto an 8-bit BGR image, but got "
                    + (image.empty() ? "an empty image" : image.channels() + " channels"));
        }
        int side = Math.min(image.cols(), image.rows());
        int thickness = Math.max(1, Math.round(side / (float) LINE_SIDE));
        double fontScale = Math.max(MIN_FONT_SCALE, side / (double) FONT_SIDE);
        int textThickness = Math.max(1, (int) Math.round(fontScale * 2));
        int radius = Math.max(1, Math.round(side / (float) KEYPOINT_SIDE));
        for (Detection detection : detections) {
            draw(image, detection, thickness, fontScale, textThickness);
            for (Keypoint keypoint : detection.keypoints()) {
                try (Point centre = new Point((int) Math.round(keypoint.x()), (int) Math.round(keypoint.y()))) {
                    circle(image, centre, radius, KEYPOINT_BGR, FILLED, LINE_AA, 0);
                }
            }
        }
    }

    private void draw(Mat image, Detection detection, int thickness, double fontScale, int textThickness) {
        Box box = detection.box();
        int left = clamp(box.x1(), image.cols());
        int top = clamp(box.y1(), image.rows());
        int right = clamp(box.x2(), image.cols());
        int bottom = clamp(box.y2(), image.rows());
        try (Scalar colour = classColour(detection.classIndex());
             Scalar white = new Scalar(255, 255, 255, 0);
             Point topLeft = new Point(left, top);
             Point bottomRight = new Point(right, bottom);
             IntPointer baseline = new IntPointer(1);
             Size text = getTextSize(label(detection, showScores), FONT_HERSHEY_SIMPLEX, fontScale, textThickness,
                     baseline)) {
            rectangle(image, topLeft, bottomRight, colour, thickness, LINE_8, 0);
            int stripHeight = text.height() + baseline.get() + 2 * thickness;
            int stripWidth = text.width() + 2 * thickness;
            int stripTop = top - stripHeight >= 0 ? top - stripHeight : top;
            int stripLeft = Math.max(0, Math.min(left, image.cols() - stripWidth));
            try (Point stripStart = new Point(stripLeft, stripTop);
                 Point stripEnd = new Point(stripLeft + stripWidth, stripTop + stripHeight);
                 Point textOrigin = new Point(stripLeft + thickness, stripTop + thickness + text.height())) {
                rectangle(image, stripStart, stripEnd, colour, FILLED, LINE_8, 0);
                putText(image, label(detection, showScores), textOrigin, FONT_HERSHEY_SIMPLEX, fontScale, white, textThickness,
                        LINE_AA, false);
            }
        }
    }

    /**
     * @param detection  a detection
     * @param showScores whether the score follows the name
     * @return its label as drawn: the class name (or {@code #index} without one) and the score in percent
     */
    static String label(Detection detection, boolean showScores) {
        String name = detection.label().isEmpty() ? "#" + detection.classIndex() : detection.label();
        return showScores ? String.format(Locale.ROOT, "%s %d%%", name, Math.round(detection.score() * 100)) : name;
    }

    /**
     * @param classIndex a class
     * @return a saturated colour of its own (hues spread by the golden ratio), as BGR
     */
    public static Scalar classColour(int classIndex) {
        float hue = (float) ((classIndex * GOLDEN_RATIO_CONJUGATE) % 1.0);
        int rgb = Color.HSBtoRGB(hue, 0.85f, 0.95f);
        return new Scalar(rgb & 0xFF, (rgb >> 8) & 0xFF, (rgb >> 16) & 0xFF, 0);
    }

    private static int clamp(double coordinate, int limit) {
        return (int) Math.max(0, Math.min(limit - 1, Math.round(coordinate)));
    }
}
