package org.cvkit.core.arithmetic;

/**
 * A convolution layer: K square filters of size F, stride S and zero padding P.
 *
 * @param filters number of filters K, which becomes the output depth
 * @param window  filter size F
 * @param stride  stride S
 * @param padding zero padding P on each side
 */
public record ConvSpec(int filters, int window, int stride, int padding) implements LayerGeometry {

    /** Validates that sizes are positive and padding is not negative. */
    public ConvSpec {
        VolumeShape.requirePositive("number of filters", filters);
        VolumeShape.requirePositive("filter size", window);
        VolumeShape.requirePositive("stride", stride);
        if (padding < 0) {
            throw new InvalidGeometryException("padding must not be negative but is " + padding);
        }
    }

    /**
     * A stride-1 convolution whose padding keeps the input size.
     *
     * @param filters number of filters
     * @param window  an odd filter size
     * @return the layer with {@code P = (F - 1) / 2}
     */
    public static ConvSpec same(int filters, int window) {
        return new ConvSpec(filters, window, 1, ConvArithmetic.samePadding(window));
    }

    @Override
    public VolumeShape outputShape(VolumeShape input) {
        return slide(input, filters);
    }

    /**
     * @param input the input volume
     * @return {@code F*F*D1} weights per filter times K, plus K biases
     */
    @Override
    public ParameterCount parameters(VolumeShape input) {
        return new ParameterCount(weightsPerFilter(input) * filters, filters);
    }

    /**
     * @param input the input volume
     * @return the weights of one filter, {@code F*F*D1}
     */
    public long weightsPerFilter(VolumeShape input) {
        return (long) window * window * input.depth();
    }

    /**
     * Parameters the same layer would need without weight sharing (a locally connected layer): every output
     * neuron has its own {@code F*F*D1} weights and bias.
     *
     * @param input the input volume
     * @return output neurons times {@code (F*F*D1 + 1)}
     */
    public long unsharedParameters(VolumeShape input) {
        return outputShape(input).size() * (weightsPerFilter(input) + 1);
    }
}
