package org.cvkit.apps.train;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.cvkit.apps.ContactSheet;
import org.cvkit.apps.ImageFiles;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.image.ImageConversions;
import org.cvkit.detection.dataset.DetectionDataset;
import org.cvkit.detection.dataset.DetectionSample;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.detection.geometry.GroundTruth;
import org.cvkit.detection.media.DetectionPainter;
import org.cvkit.detection.media.ObjectDetector;

/**
 * A picture of a detector at work on held-out images: the first {@value #IMAGES}, {@value #PER_ROW} to a row,
 * enlarged {@value #SCALE} times, each with its true boxes as thin white frames and the detections drawn over them.
 */
final class DetectionPreview {

    /** How many images the picture shows. */
    static final int IMAGES = 16;
    /** Images per row. */
    static final int PER_ROW = 4;
    /** Enlargement of each image. */
    static final int SCALE = 3;

    private DetectionPreview() {
    }

    /**
     * @param detector what finds the objects
     * @param images   the held-out images with their true boxes in pixels
     * @param file     the picture to write, atomically
     * @throws IOException if it cannot be written
     */
    static void write(ObjectDetector detector, DetectionDataset images, Path file) throws IOException {
        DetectionPainter painter = new DetectionPainter();
        List<List<Mat>> rows = new ArrayList<>();
        try (Scalar white = new Scalar(255, 255, 255, 0)) {
            List<DetectionSample> shown = images.samples().subList(0, Math.min(IMAGES, images.samples().size()));
            for (int i = 0; i < shown.size(); i++) {
                if (i % PER_ROW == 0) {
                    rows.add(new ArrayList<>());
                }
                rows.get(rows.size() - 1).add(tile(detector, shown.get(i), painter, white));
            }
            try (Mat sheet = ContactSheet.of(rows)) {
                ImageFiles.write(file, sheet);
            }
        } finally {
            rows.forEach(row -> row.forEach(Mat::close));
        }
    }

    private static Mat tile(ObjectDetector detector, DetectionSample sample, DetectionPainter painter, Scalar white) {
        Mat tile = new Mat();
        List<Detection> found;
        try (Mat image = ImageConversions.toMat(sample.image());
             Size size = new Size(image.cols() * SCALE, image.rows() * SCALE)) {
            found = detector.detect(image);
            resize(image, tile, size, 0, 0, INTER_NEAREST);
        }
        for (GroundTruth truth : sample.objects()) {
            Box box = truth.box().scale(SCALE, SCALE);
            try (Point topLeft = new Point((int) Math.round(box.x1()), (int) Math.round(box.y1()));
                 Point bottomRight = new Point((int) Math.round(box.x2()), (int) Math.round(box.y2()))) {
                rectangle(tile, topLeft, bottomRight, white, 1, LINE_8, 0);
            }
        }
        painter.paint(tile, found.stream().map(detection -> detection.withBox(detection.box().scale(SCALE, SCALE)))
                .toList());
        return tile;
    }
}
