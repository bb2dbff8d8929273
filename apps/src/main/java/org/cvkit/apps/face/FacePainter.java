package org.cvkit.apps.face;

import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.cvkit.core.geometry.Keypoint;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.detection.media.DetectionPainter;
import org.cvkit.face.analysis.FaceLandmarks68;

/**
 * Draws faces onto an image: each box with its label as {@link DetectionPainter} draws detections, and the 68
 * landmarks as {@link #LANDMARK_BGR} dots whose size follows the image size.
 */
final class FacePainter {

    /** The colour of the landmark dots, as OpenCV's blue, green, red: a bright green. */
    static final Scalar LANDMARK_BGR = new Scalar(80, 255, 80, 0);

    private static final int REFERENCE_SIDE = 480;

    private final DetectionPainter boxes = new DetectionPainter();

    /**
     * Draws named faces: each box in its person's colour, labelled with the name (or "unknown") and the distance.
     *
     * @param image      an 8-bit BGR image, changed in place
     * @param faces      faces identified in the image
     * @param identifier what identified them, which gives each person a class and so a colour
     */
    void paint(Mat image, List<IdentifiedFace> faces, FaceIdentifier identifier) {
        paint(image, faces.stream().map(identifier::toDetection).toList(),
                faces.stream().map(face -> face.face().landmarks()).toList());
    }

    /**
     * @param image      an 8-bit BGR image, changed in place
     * @param detections the labelled face boxes
     * @param landmarks  the faces' landmarks
     */
    void paint(Mat image, List<Detection> detections, List<FaceLandmarks68> landmarks) {
        boxes.paint(image, detections);
        int radius = Math.max(1, Math.round(Math.min(image.cols(), image.rows()) / (float) REFERENCE_SIDE));
        for (FaceLandmarks68 face : landmarks) {
            for (Keypoint point : face.points()) {
                try (Point centre = new Point((int) Math.round(point.x()), (int) Math.round(point.y()))) {
                    circle(image, centre, radius, LANDMARK_BGR, FILLED, LINE_AA, 0);
                }
            }
        }
    }
}
