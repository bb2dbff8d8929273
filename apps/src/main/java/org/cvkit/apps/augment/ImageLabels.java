package org.cvkit.apps.augment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cvkit.augment.LabeledBox;
import org.cvkit.core.geometry.ImageSize;

/**
 * The objects of one image as a label file stores them. The boxes handed out are labelled with the object's index
 * in the file, so that after augmentation each surviving box finds its object again, with every field the format
 * keeps beside the box (class, VOC's pose and difficult flags).
 */
interface ImageLabels {

    /** @return one box per object, in pixels, labelled with the object's index */
    List<LabeledBox> boxes();

    /**
     * @param indexed boxes labelled with their object's index, as {@link #boxes()} hands them out
     * @return the same boxes labelled with their class names, for display
     */
    List<LabeledBox> named(List<LabeledBox> indexed);

    /**
     * Writes the label file of an augmented image.
     *
     * @param target    the label file to create
     * @param imageName the augmented image's file name
     * @param size      the augmented image's size
     * @param channels  the augmented image's channel count
     * @param moved     the surviving boxes, labelled with their object's index, in pixels of the augmented image
     * @throws IOException if the file cannot be written
     */
    void write(Path target, String imageName, ImageSize size, int channels, List<LabeledBox> moved) throws IOException;
}
