package org.cvkit.detection.geometry;

import java.util.Objects;
import org.cvkit.core.geometry.Box;

/**
 * An annotated object: the true box and class of something in a training or test image.
 *
 * @param box        the object's box, in pixels or normalized units
 * @param classIndex the class, counted from 0
 */
public record GroundTruth(Box box, int classIndex) {

    /** Validates the box and the class index. */
    public GroundTruth {
        Objects.requireNonNull(box, "box");
        if (classIndex < 0) {
            throw new IllegalArgumentException("class index must not be negative but is " + classIndex);
        }
    }
}
