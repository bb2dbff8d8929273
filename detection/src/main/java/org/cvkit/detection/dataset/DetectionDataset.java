package org.cvkit.detection.dataset;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.cvkit.detection.geometry.GroundTruth;

/**
 * Images with labelled boxes, and the names of the classes that the boxes' class indices count.
 *
 * @param classNames the class names in index order, at least one, distinct and not blank
 * @param samples    the annotated images, with distinct names
 */
public record DetectionDataset(List<String> classNames, List<DetectionSample> samples) {

    /**
     * Validates the names and the class indices; copies the lists.
     *
     * @throws IllegalArgumentException if a class name is blank or repeated, two samples share a name, or an object's
     *                                  class has no name
     */
    public DetectionDataset {
        classNames = List.copyOf(Objects.requireNonNull(classNames, "classNames"));
        samples = List.copyOf(Objects.requireNonNull(samples, "samples"));
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("a detection data set needs at least one class name");
        }
        if (classNames.stream().anyMatch(String::isBlank) || new HashSet<>(classNames).size() != classNames.size()) {
            throw new IllegalArgumentException("class names must be distinct and not blank but are " + classNames);
        }
        Set<String> names = new HashSet<>();
        for (DetectionSample sample : samples) {
            if (!names.add(sample.name())) {
                throw new IllegalArgumentException("two samples are named '" + sample.name() + "'; names must be"
                        + " distinct because they name the files on disk");
            }
            for (GroundTruth object : sample.objects()) {
                if (object.classIndex() >= classNames.size()) {
                    throw new IllegalArgumentException("an object of sample '" + sample.name() + "' has class "
                            + object.classIndex() + " but there are only " + classNames.size() + " class names");
                }
            }
        }
    }

    /** @return the number of annotated objects over all samples */
    public int objectCount() {
        return samples.stream().mapToInt(sample -> sample.objects().size()).sum();
    }
}
