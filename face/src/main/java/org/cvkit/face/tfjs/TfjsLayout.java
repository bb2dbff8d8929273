package org.cvkit.face.tfjs;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.cvkit.zoo.format.ModelFormatException;
import org.cvkit.zoo.format.WeightTensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Converts TensorFlow.js weight layouts to DL4J's. TF stores convolution kernels as {@code [kh, kw, in, out]};
 * DL4J wants {@code [out, in, kh, kw]}. TF's depthwise kernels {@code [kh, kw, in, multiplier]} already have
 * the layout of DL4J's {@code DepthwiseConvolution2D}. TF.js images are NHWC, DL4J's NCHW.
 *
 * <p>Public only so that the face packages share it; it is not part of the module's API.
 */
public final class TfjsLayout {

    private static final float PIXEL_SCALE = 255f;

    private TfjsLayout() {
    }

    /**
     * @param weights        the model's tensors by name
     * @param name           the tensor wanted
     * @param expectedShape  its TF shape
     * @return the tensor
     * @throws ModelFormatException if it is missing or has another shape
     */
    public static WeightTensor require(Map<String, WeightTensor> weights, String name, long... expectedShape) {
        WeightTensor tensor = weights.get(name);
        if (tensor == null) {
            throw new ModelFormatException("the weights lack the tensor " + name
                    + "; is this the right face-api model's manifest?");
        }
        if (!Arrays.equals(tensor.shape(), expectedShape)) {
            throw new ModelFormatException("the tensor " + name + " has shape " + Arrays.toString(tensor.shape())
                    + " but the network needs " + Arrays.toString(expectedShape));
        }
        return tensor;
    }

    /**
     * @param kernel a TF kernel {@code [kh, kw, in, out]}
     * @return the DL4J kernel {@code [out, in, kh, kw]}, a fresh c-ordered array
     */
    public static INDArray kernel(WeightTensor kernel) {
        try (INDArray tf = kernel.toNdArray()) {
            return tf.permute(3, 2, 0, 1).dup('c');
        }
    }

    /**
     * @param bias a TF bias {@code [out]}
     * @return the DL4J bias {@code [1, out]}
     */
    public static INDArray bias(WeightTensor bias) {
        try (INDArray tf = bias.toNdArray()) {
            return tf.reshape(1, bias.size()).dup('c');
        }
    }

    /**
     * face-api's input normalization {@code (v - mean) / 255} per RGB channel, in float32, into NCHW.
     *
     * @param rgb     HWC RGB row-major values in [0, 255] of a {@code side x side} image
     * @param side    the image side the network needs
     * @param meanRgb the per-channel means
     * @param fix     how the caller can bring an image to that size, for the error message
     * @return the network input {@code [1, 3, side, side]}; the caller owns it
     * @throws IllegalArgumentException if {@code rgb} does not hold {@code side * side * 3} values
     */
    public static INDArray normalizedNchw(float[] rgb, int side, float[] meanRgb, String fix) {
        Objects.requireNonNull(rgb, "rgb");
        int plane = side * side;
        if (rgb.length != plane * 3) {
            throw new IllegalArgumentException("the network needs " + side + " x " + side + " RGB pixels ("
                    + plane * 3 + " values) but got " + rgb.length + " values; " + fix);
        }
        float[] chw = new float[rgb.length];
        for (int pixel = 0; pixel < plane; pixel++) {
            for (int channel = 0; channel < 3; channel++) {
                chw[channel * plane + pixel] = (rgb[pixel * 3 + channel] - meanRgb[channel]) / PIXEL_SCALE;
            }
        }
        return Nd4j.create(chw, new long[] {1, 3, side, side}, 'c');
    }

    /**
     * Checks that a net gets a batch of square RGB images of its side.
     *
     * @param input    the batch
     * @param side     the side the net takes
     * @param net      the net's name, for the message
     * @param preparer the class that prepares such input, for the message
     * @return the input
     * @throws IllegalArgumentException if the input is not {@code [N, 3, side, side]}
     */
    public static INDArray requireSquareRgbBatch(INDArray input, int side, String net, String preparer) {
        Objects.requireNonNull(input, "input");
        if (input.rank() != 4 || input.size(1) != 3 || input.size(2) != side || input.size(3) != side) {
            throw new IllegalArgumentException("the " + net + " needs an input [N, 3, " + side + ", " + side
                    + "] but got " + Arrays.toString(input.shape()) + "; prepare it with " + preparer);
        }
        return input;
    }
}
