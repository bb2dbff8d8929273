package org.cvkit.face.calibration;

import org.cvkit.face.gallery.DistanceMetric;
import org.cvkit.face.gallery.Embedding;

/**
 * The distance between two faces and whether they are the same person: one sample for calibration.
 *
 * @param distance    the distance between the two embeddings, finite; smaller means more alike
 * @param samePerson  whether the two faces show the same person (a genuine pair) or two people (an impostor pair)
 */
public record LabeledPair(double distance, boolean samePerson) {

    /** @throws IllegalArgumentException if the distance is NaN or infinite */
    public LabeledPair {
        if (!Double.isFinite(distance)) {
            throw new IllegalArgumentException("a pair's distance must be finite but is " + distance
                    + "; check the embeddings it was computed from");
        }
    }

    /**
     * @param metric     the metric the gallery will use
     * @param a          one face's embedding
     * @param b          the other face's embedding
     * @param samePerson whether both show the same person
     * @return the pair with the distance measured by {@code metric}
     */
    public static LabeledPair measure(DistanceMetric metric, Embedding a, Embedding b, boolean samePerson) {
        return new LabeledPair(metric.distance(a, b), samePerson);
    }
}
