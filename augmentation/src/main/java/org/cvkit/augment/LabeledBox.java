package org.cvkit.augment;

import java.util.Objects;
import org.cvkit.core.geometry.Box;

/**
 * An object annotation: a box in pixels of the sample's image and the name of the object's class (a VOC class name,
 * or a YOLO class index written as text).
 *
 * @param box   the box in pixels
 * @param label the class, not blank
 */
public record LabeledBox(Box box, String label) {

    /** Validates that both parts are given and the label is not blank. */
    public LabeledBox {
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(label, "label");
        if (label.isBlank()) {
            throw new IllegalArgumentException("a box label must not be blank; give the class name or index");
        }
    }

    /**
     * Replaces the box and keeps the label.
     *
     * @param moved the new box
     * @return a labelled box with the same class
     */
    public LabeledBox withBox(Box moved) {
        return new LabeledBox(moved, label);
    }
}
