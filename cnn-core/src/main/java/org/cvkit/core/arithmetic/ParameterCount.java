package org.cvkit.core.arithmetic;

/**
 * Learned parameters of a layer.
 *
 * @param weights number of weights
 * @param biases  number of biases
 */
public record ParameterCount(long weights, long biases) {

    /** No parameters, as for pooling. */
    public static final ParameterCount NONE = new ParameterCount(0, 0);

    /** Validates that both counts are non-negative. */
    public ParameterCount {
        if (weights < 0 || biases < 0) {
            throw new IllegalArgumentException("parameter counts must not be negative: " + weights + ", " + biases);
        }
    }

    /** @return weights plus biases */
    public long total() {
        return weights + biases;
    }

    /**
     * @param other another count
     * @return the sum of both counts
     */
    public ParameterCount plus(ParameterCount other) {
        return new ParameterCount(weights + other.weights, biases + other.biases);
    }
}
