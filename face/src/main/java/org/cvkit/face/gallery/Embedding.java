package org.cvkit.face.gallery;

import java.util.Arrays;
import java.util.List;

/**
 * An immutable embedding: the vector an encoder maps a face to. Every value is finite; equality compares the values.
 * {@link #toString()} shows only the dimension, so biometric data does not end up in logs.
 */
public final class Embedding {

    private final float[] values;

    private Embedding(float[] values) {
        this.values = values;
    }

    /**
     * @param values the vector, copied; at least one value, none NaN or infinite
     * @return the embedding
     * @throws IllegalArgumentException if the vector is empty or holds a NaN or infinite value
     */
    public static Embedding of(float... values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("an embedding needs at least one value; pass the encoder's output");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException("embedding value " + i + " is " + values[i]
                        + "; an encoder that outputs NaN or infinity is broken or was fed a bad input");
            }
        }
        return new Embedding(values.clone());
    }

    /** @return the number of values */
    public int dimension() {
        return values.length;
    }

    /**
     * @param index 0 .. dimension - 1
     * @return the value at that index
     */
    public float get(int index) {
        return values[index];
    }

    /** @return a copy of the values */
    public float[] toArray() {
        return values.clone();
    }

    /**
     * @param embeddings at least one, all of the same dimension
     * @return their element-wise mean (the centroid), summed in double precision
     */
    static Embedding mean(List<Embedding> embeddings) {
        int dimension = embeddings.get(0).dimension();
        double[] sum = new double[dimension];
        for (Embedding embedding : embeddings) {
            for (int i = 0; i < dimension; i++) {
                sum[i] += embedding.values[i];
            }
        }
        float[] mean = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            mean[i] = (float) (sum[i] / embeddings.size());
        }
        return new Embedding(mean);
    }

    /** @throws IllegalArgumentException if the two embeddings have different dimensions */
    static void requireSameDimension(Embedding a, Embedding b) {
        if (a.dimension() != b.dimension()) {
            throw new IllegalArgumentException("cannot compare a " + a.dimension() + "-d embedding with a "
                    + b.dimension() + "-d one; both must come from the same encoder");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Embedding embedding && Arrays.equals(values, embedding.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Embedding[" + values.length + "-d]";
    }
}
