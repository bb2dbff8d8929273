package org.cvkit.detection.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How well a detector did on held-out images.
 *
 * @param iouThreshold          the IoU at which a detection matched a ground truth
 * @param meanAveragePrecision  the mean over the classes of their average precision (all-point interpolation)
 * @param averagePrecisions     each class's average precision, by class name in class-index order (classes without
 *                              ground truths are left out)
 * @param images                the number of images evaluated
 * @param objects               the number of ground-truth objects in them
 */
public record DetectionScores(double iouThreshold, double meanAveragePrecision, Map<String, Double> averagePrecisions,
                              int images, int objects) {

    /** Copies the map, keeping its order. */
    public DetectionScores {
        averagePrecisions = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(averagePrecisions,
                "averagePrecisions")));
    }
}
