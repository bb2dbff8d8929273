package org.cvkit.style.network;

import java.util.Objects;

/**
 * A layer whose Gram matrix enters the style loss, with its weight in the sum over layers.
 *
 * @param name   the layer (graph vertex) name, for example {@code block1_conv1}
 * @param weight the layer's weight, positive and finite
 */
public record StyleLayer(String name, double weight) {

    /** Validates the name and weight. */
    public StyleLayer {
        Objects.requireNonNull(name, "name");
        if (!(weight > 0 && Double.isFinite(weight))) {
            throw new IllegalArgumentException("the weight of style layer " + name + " must be positive and finite"
                    + " but is " + weight);
        }
    }
}
