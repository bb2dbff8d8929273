package org.cvkit.zoo.format.keras;

import java.util.List;

/**
 * The content of a Keras HDF5 weights file.
 *
 * @param layers every layer in the file's {@code layer_names} order, including layers without weights
 */
public record KerasWeights(List<KerasLayerWeights> layers) {

    /** Copies the layer list. */
    public KerasWeights {
        layers = List.copyOf(layers);
    }

    /**
     * @param name a layer name
     * @return that layer's weights
     * @throws IllegalArgumentException if the file has no layer of that name
     */
    public KerasLayerWeights layer(String name) {
        return layers.stream().filter(layer -> layer.layerName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no layer named " + name + "; the layers are "
                        + layers.stream().map(KerasLayerWeights::layerName).toList()));
    }
}
