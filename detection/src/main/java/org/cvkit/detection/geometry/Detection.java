package org.cvkit.detection.geometry;

import java.util.List;
import java.util.Objects;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.Keypoint;

/**
 * One detected object: where it is, which class it is, how sure the detector is, and for detectors that find them
 * (faces, bodies) the object's keypoints.
 *
 * @param box        the object's box, in pixels or normalized units
 * @param classIndex the class, counted from 0
 * @param label      the class name, for display (may be empty, never null)
 * @param score      the confidence in [0, 1], for YOLO objectness times class probability
 * @param keypoints  the object's landmarks in the box's units, empty for a plain object detector; copied
 */
public record Detection(Box box, int classIndex, String label, double score, List<Keypoint> keypoints) {

    /** Validates the box, the class index and the score. */
    public Detection {
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(label, "label");
        keypoints = List.copyOf(keypoints);
        if (classIndex < 0) {
            throw new IllegalArgumentException("class index must not be negative but is " + classIndex);
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("detection score must be a probability in [0, 1] but is " + score
                    + "; apply a sigmoid or softmax to raw network outputs first");
        }
    }

    /**
     * A detection without keypoints.
     *
     * @param box        the object's box, in pixels or normalized units
     * @param classIndex the class, counted from 0
     * @param label      the class name, for display (may be empty, never null)
     * @param score      the confidence in [0, 1]
     */
    public Detection(Box box, int classIndex, String label, double score) {
        this(box, classIndex, label, score, List.of());
    }

    /**
     * This detection with another score, as soft-NMS produces.
     *
     * @param newScore the score in [0, 1]
     * @return the re-scored detection
     */
    public Detection withScore(double newScore) {
        return new Detection(box, classIndex, label, newScore, keypoints);
    }

    /**
     * This detection with another box, for example clipped to the image. The keypoints stay where they are; a
     * change of coordinates must move them too, with {@link #withKeypoints}.
     *
     * @param newBox the box
     * @return the moved detection
     */
    public Detection withBox(Box newBox) {
        return new Detection(newBox, classIndex, label, score, keypoints);
    }

    /**
     * @param newKeypoints the object's landmarks, in the box's units
     * @return this detection with those keypoints
     */
    public Detection withKeypoints(List<Keypoint> newKeypoints) {
        return new Detection(box, classIndex, label, score, newKeypoints);
    }
}
