package org.cvkit.face.gallery;

/** How far apart two embeddings are; smaller means more alike. */
public enum DistanceMetric {

    /** {@code ||a - b||}, as face-api compares its 128-d descriptors (it calls a pair the same person below 0.6). */
    EUCLIDEAN {
        @Override
        double fromSquaredEuclidean(double squared) {
            return Math.sqrt(squared);
        }
    },

    /** {@code ||a - b||^2}, as the course defines the Siamese distance {@code d(x_i, x_j)}. */
    SQUARED_EUCLIDEAN {
        @Override
        double fromSquaredEuclidean(double squared) {
            return squared;
        }
    };

    /**
     * @param a an embedding
     * @param b an embedding of the same dimension
     * @return the distance between them, summed in double precision
     * @throws IllegalArgumentException if the dimensions differ
     */
    public double distance(Embedding a, Embedding b) {
        Embedding.requireSameDimension(a, b);
        double sum = 0;
        for (int i = 0; i < a.dimension(); i++) {
            double difference = (double) a.get(i) - b.get(i);
            sum += difference * difference;
        }
        return fromSquaredEuclidean(sum);
    }

    abstract double fromSquaredEuclidean(double squared);
}
