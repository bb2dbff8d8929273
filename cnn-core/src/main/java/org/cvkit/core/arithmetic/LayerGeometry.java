package org.cvkit.core.arithmetic;

/** A layer that slides a square window over its input: a convolution or a pooling layer. */
public sealed interface LayerGeometry permits ConvSpec, PoolSpec {

    /** @return the window (filter) size F */
    int window();

    /** @return the stride S */
    int stride();

    /** @return the zero padding P on each side */
    int padding();

    /**
     * @param input the input volume
     * @return the output volume
     * @throws InvalidGeometryException if the settings do not fit the input
     */
    VolumeShape outputShape(VolumeShape input);

    /**
     * @param input the input volume
     * @return the learned parameters of this layer on that input
     */
    ParameterCount parameters(VolumeShape input);

    /** Output width and height of a window sliding over {@code input}; validates both. */
    default VolumeShape slide(VolumeShape input, int outputDepth) {
        int width = ConvArithmetic.outputSize("width", input.width(), window(), stride(), padding());
        int height = ConvArithmetic.outputSize("height", input.height(), window(), stride(), padding());
        return new VolumeShape(width, height, outputDepth);
    }
}
