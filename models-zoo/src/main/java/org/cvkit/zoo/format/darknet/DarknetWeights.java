package org.cvkit.zoo.format.darknet;

import java.util.List;
import java.util.Objects;

/**
 * The content of a Darknet {@code .weights} file, split per layer by its cfg.
 *
 * @param header       the file header
 * @param convolutions the weights of every {@code [convolutional]} layer, in layer order
 */
public record DarknetWeights(DarknetHeader header, List<ConvolutionWeights> convolutions) {

    /** Copies the layer list. */
    public DarknetWeights {
        Objects.requireNonNull(header, "header");
        convolutions = List.copyOf(convolutions);
    }

    /**
     * @param layerIndex index of a {@code [convolutional]} layer in the cfg
     * @return that layer's weights
     * @throws IllegalArgumentException if that layer is not a convolution
     */
    public ConvolutionWeights convolution(int layerIndex) {
        return convolutions.stream().filter(layer -> layer.layerIndex() == layerIndex).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("layer " + layerIndex
                        + " is not a [convolutional] layer, so it has no weights"));
    }

    /** @return the number of floats after the header, summed over all layers */
    public long floatCount() {
        return convolutions.stream().mapToLong(ConvolutionWeights::floatCount).sum();
    }
}
