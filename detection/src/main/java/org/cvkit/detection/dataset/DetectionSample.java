package org.cvkit.detection.dataset;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.detection.geometry.GroundTruth;

/**
 * One annotated image of a detection data set. The image is shared, not copied: treat it as read-only.
 *
 * @param name    the image's name without extension, used for its files on disk; letters, digits, {@code . _ -}
 * @param image   the pixels
 * @param objects the annotated objects, boxes in pixels of the image
 */
public record DetectionSample(String name, BufferedImage image, List<GroundTruth> objects) {

    /**
     * Validates the name, copies the objects.
     *
     * @throws IllegalArgumentException if the name is blank or holds characters that are unsafe in file names
     */
    public DetectionSample {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        if (!name.matches("[A-Za-z0-9._-]+") || name.startsWith(".")) {
            throw new IllegalArgumentException("sample name '" + name + "' must be a plain file name of letters,"
                    + " digits, '.', '_' and '-' that does not start with '.'");
        }
        objects = List.copyOf(objects);
    }

    /** @return the image's width and height */
    public ImageSize size() {
        return new ImageSize(image.getWidth(), image.getHeight());
    }
}
