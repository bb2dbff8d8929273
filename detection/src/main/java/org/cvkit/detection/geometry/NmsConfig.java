package org.cvkit.detection.geometry;

/**
 * Settings of greedy non-max suppression. {@link #COURSE} holds the course's values.
 *
 * @param scoreThreshold detections scoring below this are dropped first, in [0, 1]
 * @param iouThreshold   a box is dropped when its IoU with a kept box is at least this, in [0, 1]
 * @param classAgnostic  false to suppress within each class separately (the course's way), true to let any
 *                       box suppress any other whatever their classes
 */
public record NmsConfig(double scoreThreshold, double iouThreshold, boolean classAgnostic) {

    /** The course's settings: drop scores below 0.6, suppress at IoU of at least 0.5, per class. */
    public static final NmsConfig COURSE = new NmsConfig(0.6, 0.5, false);

    /** Validates that both thresholds lie in [0, 1]. */
    public NmsConfig {
        requireUnitInterval("score threshold", scoreThreshold);
        requireUnitInterval("IoU threshold", iouThreshold);
    }

    /**
     * @param threshold the new score threshold, in [0, 1]
     * @return these settings with another score threshold
     */
    public NmsConfig withScoreThreshold(double threshold) {
        return new NmsConfig(threshold, iouThreshold, classAgnostic);
    }

    /**
     * @param threshold the new IoU threshold, in [0, 1]
     * @return these settings with another IoU threshold
     */
    public NmsConfig withIouThreshold(double threshold) {
        return new NmsConfig(scoreThreshold, threshold, classAgnostic);
    }

    /**
     * @param agnostic true to suppress across classes, false to suppress per class
     * @return these settings with another class mode
     */
    public NmsConfig withClassAgnostic(boolean agnostic) {
        return new NmsConfig(scoreThreshold, iouThreshold, agnostic);
    }

    static void requireUnitInterval(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must lie in [0, 1] but is " + value
                    + "; scores and IoUs are fractions, so give for example 0.5 rather than 50");
        }
    }
}
