package org.cvkit.zoo.format.darknet;

import java.util.Objects;
import java.util.Optional;
import org.cvkit.zoo.format.WeightTensor;

/**
 * The weights of one Darknet {@code [convolutional]} layer.
 *
 * @param layerIndex    the layer's index in the cfg
 * @param inputChannels channels of the layer's input
 * @param groups        number of groups (input channels per filter = {@code inputChannels / groups})
 * @param biases        one bias per filter, shape {@code [filters]} (the BN beta when batch-normalized)
 * @param batchNorm     scales, rolling means and rolling variances, when the layer is batch-normalized
 * @param weights       filter weights, shape {@code [filters, inputChannels / groups, size, size]}
 */
public record ConvolutionWeights(int layerIndex, int inputChannels, int groups, WeightTensor biases,
        Optional<BatchNormWeights> batchNorm, WeightTensor weights) {

    /** Checks that no component is null. */
    public ConvolutionWeights {
        Objects.requireNonNull(biases, "biases");
        Objects.requireNonNull(batchNorm, "batchNorm");
        Objects.requireNonNull(weights, "weights");
    }

    /** @return the number of filters */
    public int filters() {
        return biases.size();
    }

    /** @return the number of floats this layer occupies in the weights file */
    public long floatCount() {
        return biases.size() * (batchNorm.isPresent() ? 4L : 1L) + weights.size();
    }
}
