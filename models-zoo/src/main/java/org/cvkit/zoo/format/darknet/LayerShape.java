package org.cvkit.zoo.format.darknet;

import java.util.Objects;
import org.cvkit.core.arithmetic.VolumeShape;

/**
 * The shapes around one Darknet layer.
 *
 * @param index  the layer's index (0 is the first section after {@code [net]})
 * @param type   the section type, for example {@code convolutional}
 * @param input  the previous layer's output (the network input for layer 0); a {@code [route]} reads other layers
 * @param output the layer's output
 */
public record LayerShape(int index, String type, VolumeShape input, VolumeShape output) {

    /** Checks that no component is null and the index is not negative. */
    public LayerShape {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        if (index < 0) {
            throw new IllegalArgumentException("layer index must not be negative but is " + index);
        }
    }
}
