package org.cvkit.detection.media;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.detection.geometry.Detection;

/** Finds objects in an image: a YOLO network, a face detector, anything that maps pixels to boxes. */
@FunctionalInterface
public interface ObjectDetector {

    /**
     * @param image an 8-bit BGR image of any size; left unchanged
     * @return the detections, boxes in the image's pixels, by descending score
     * @throws IllegalArgumentException if the image is empty or not 8-bit BGR
     */
    List<Detection> detect(Mat image);
}
