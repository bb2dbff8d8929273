package org.cvkit.detection.geometry;

import java.util.Objects;
import org.cvkit.core.geometry.Box;

/**
 * One detected object: where it is, which class it is, and how sure the detector is.
 *
 * @param box        the object's box, in pixels or normalized units
 * @param classIndex the class, counted from 0
 * @param label      the class name, for display (may be empty, never null)
 * @param score      the confidence in [0, 1], for YOLO objectness times class probability
 */
public record Detection(Box box, int classIndex, String label, double score) {

    /** Validates the box, the class index and the score. */
    public Detection {
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(label, "label");
        if (classIndex < 0) {
            throw new IllegalArgumentException("class index must not be negative but is " + classIndex);
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("detection score must be a probability in [0, 1] but is " + score
                    + "; apply a sigmoid or softmax to raw network outputs first");
        }
    }

    /**
     * This detection with another score, as soft-NMS produces.
     *
     * @param newScore the score in [0, 1]
     * @return the re-scored detection
     */
    public Detection withScore(double newScore) {
        return new Detection(box, classIndex, label, newScore);
    }

    /**
     * This detection with another box, for example mapped from the network input onto the source image.
     *
     * @param newBox the box
     * @return the moved detection
     */
    public Detection withBox(Box newBox) {
        return new Detection(newBox, classIndex, label, score);
    }
}
