package org.cvkit.core.arithmetic;

/**
 * A pooling layer: a square window F with stride S (padding is unusual and defaults to 0). It keeps the depth
 * and has no parameters.
 *
 * @param window  window size F
 * @param stride  stride S
 * @param padding zero padding P on each side
 */
public record PoolSpec(int window, int stride, int padding) implements LayerGeometry {

    /** Validates that sizes are positive and padding is not negative. */
    public PoolSpec {
        VolumeShape.requirePositive("pooling window", window);
        VolumeShape.requirePositive("stride", stride);
        if (padding < 0) {
            throw new InvalidGeometryException("padding must not be negative but is " + padding);
        }
    }

    /**
     * @param window window size F
     * @param stride stride S
     * @return an unpadded pooling layer
     */
    public static PoolSpec of(int window, int stride) {
        return new PoolSpec(window, stride, 0);
    }

    @Override
    public VolumeShape outputShape(VolumeShape input) {
        return slide(input, input.depth());
    }

    @Override
    public ParameterCount parameters(VolumeShape input) {
        return ParameterCount.NONE;
    }
}
