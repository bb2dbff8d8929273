package org.cvkit.face.gallery;

import java.util.Objects;

/**
 * How a gallery decides that a probe is a person: the distance metric, the rule for people with several embeddings,
 * and the threshold. A probe is accepted when its distance is at most the threshold ({@code d <= tau}, as in the
 * course; face-api's {@code FaceMatcher} uses a strict {@code <}).
 *
 * @param metric         how two embeddings are compared
 * @param threshold      the largest distance still accepted as the same person, finite and not negative
 * @param personDistance how several embeddings of one person are combined
 */
public record MatchPolicy(DistanceMetric metric, double threshold, PersonDistance personDistance) {

    /** face-api's usual Euclidean threshold for its 128-d descriptors. */
    public static final double FACE_API_THRESHOLD = 0.6;

    /** @throws IllegalArgumentException if a setting is missing or the threshold is negative, NaN or infinite */
    public MatchPolicy {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(personDistance, "personDistance");
        if (!Double.isFinite(threshold) || threshold < 0) {
            throw new IllegalArgumentException("the threshold must be a finite distance >= 0 but is " + threshold
                    + "; calibrate one from labelled pairs (org.cvkit.face.calibration)");
        }
    }

    /** @return face-api's matching: Euclidean distance, threshold 0.6, nearest embedding */
    public static MatchPolicy faceApi() {
        return new MatchPolicy(DistanceMetric.EUCLIDEAN, FACE_API_THRESHOLD, PersonDistance.NEAREST_EMBEDDING);
    }

    /**
     * @param newThreshold the threshold to use instead, e.g. a calibrated one
     * @return this policy with that threshold
     */
    public MatchPolicy withThreshold(double newThreshold) {
        return new MatchPolicy(metric, newThreshold, personDistance);
    }

    /**
     * @param distance a distance measured with {@link #metric()}
     * @return whether it is close enough to be the same person
     */
    public boolean accepts(double distance) {
        return distance <= threshold;
    }
}
