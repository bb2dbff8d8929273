package org.cvkit.face.gallery;

import java.util.List;

/**
 * How the distance from a probe to a person enrolled with several embeddings is defined. With one embedding per
 * person (one-shot enrollment) both rules give the same distance.
 */
public enum PersonDistance {

    /**
     * The distance to the person's nearest embedding (the default). Each comparison is an ordinary pair distance,
     * so a threshold calibrated on labelled pairs applies unchanged, and photos taken in different conditions
     * (glasses, lighting, pose) each keep matching the probes that resemble them. More embeddings per person make
     * accepting slightly easier, for impostors too.
     */
    NEAREST_EMBEDDING {
        @Override
        double between(DistanceMetric metric, Embedding probe, List<Embedding> enrolled) {
            double nearest = Double.POSITIVE_INFINITY;
            for (Embedding embedding : enrolled) {
                nearest = Math.min(nearest, metric.distance(probe, embedding));
            }
            return nearest;
        }
    },

    /**
     * The distance to the mean of the person's embeddings (their centroid). Averages out noise between photos, but
     * the centroid of L2-normalized embeddings lies inside the unit sphere and nearer to every probe than single
     * embeddings do, so a threshold calibrated on pairs is looser here than it looks; calibrate on probe-to-centroid
     * distances when using this rule.
     */
    MEAN_EMBEDDING {
        @Override
        double between(DistanceMetric metric, Embedding probe, List<Embedding> enrolled) {
            return metric.distance(probe, Embedding.mean(enrolled));
        }
    };

    /**
     * @param metric   how two embeddings are compared
     * @param probe    the embedding to place
     * @param enrolled the person's embeddings: at least one, of the probe's dimension
     * @return the distance from the probe to the person
     */
    abstract double between(DistanceMetric metric, Embedding probe, List<Embedding> enrolled);
}
