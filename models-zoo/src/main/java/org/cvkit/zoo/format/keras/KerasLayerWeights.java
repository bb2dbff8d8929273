package org.cvkit.zoo.format.keras;

import java.util.List;
import java.util.Objects;
import org.cvkit.zoo.format.WeightTensor;

/**
 * The weights of one Keras layer, named as the file names them.
 *
 * @param layerName the layer's name, for example {@code block1_conv1}
 * @param weights   its weights in {@code weight_names} order, for example {@code block1_conv1/kernel:0} of shape
 *                  {@code [3, 3, 3, 64]} then {@code block1_conv1/bias:0} of shape {@code [64]}; empty for layers
 *                  without weights
 */
public record KerasLayerWeights(String layerName, List<WeightTensor> weights) {

    /** Copies the weight list. */
    public KerasLayerWeights {
        Objects.requireNonNull(layerName, "layerName");
        weights = List.copyOf(weights);
    }
}
