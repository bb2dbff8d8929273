package org.cvkit.core.arithmetic;

import java.util.List;

/**
 * The region of the input that one output unit of a stack of layers sees.
 *
 * @param size the receptive field's side in input pixels
 * @param jump the distance in input pixels between neighbouring output units (the product of the strides)
 */
public record ReceptiveField(long size, long jump) {

    /**
     * Receptive field of the last layer of a stack: {@code r = 1 + sum_i (F_i - 1) * prod_{j<i} S_j}.
     *
     * @param layers the layers from input to output
     * @return the receptive field of one unit of the last layer
     */
    public static ReceptiveField of(List<? extends LayerGeometry> layers) {
        long size = 1;
        long jump = 1;
        for (LayerGeometry layer : layers) {
            size += (layer.window() - 1) * jump;
            jump *= layer.stride();
        }
        return new ReceptiveField(size, jump);
    }
}
