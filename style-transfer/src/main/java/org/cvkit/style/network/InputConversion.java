package org.cvkit.style.network;

import org.cvkit.core.image.ChannelOrder;
import org.cvkit.core.image.ImageTensorFormat;
import org.cvkit.core.image.Normalization;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The affine map from an RGB image with values in [0, 1] to a network's input format, and its transpose for
 * gradients. Tensor channel {@code c} reads RGB channel {@code source[c]} and is {@code slope[c] * x + offset[c]},
 * where {@code x * 255} is the 8-bit level the format's normalization expects.
 */
final class InputConversion {

    private static final int CHANNELS = 3;
    private static final double MAX_LEVEL = 255;

    private final int[] source = new int[CHANNELS];
    private final double[] slope = new double[CHANNELS];
    private final double[] offset = new double[CHANNELS];

    /**
     * @param format the network's input format, for three channels
     * @throws IllegalArgumentException if the normalization is not for three channels
     */
    InputConversion(ImageTensorFormat format) {
        Normalization normalization = format.normalization();
        if (!normalization.fits(CHANNELS)) {
            throw new IllegalArgumentException("a loss network reads colour images, but the input normalization "
                    + normalization + " is not for three channels");
        }
        for (int c = 0; c < CHANNELS; c++) {
            source[c] = format.channelOrder() == ChannelOrder.RGB ? c : CHANNELS - 1 - c;
            offset[c] = normalization.normalize(c, 0);
            slope[c] = (normalization.normalize(c, 1) - offset[c]) * MAX_LEVEL;
        }
    }

    /**
     * @param image an RGB image {@code [1, 3, H, W]} with values in [0, 1]
     * @param type  the network's data type
     * @return a new network input of that type
     */
    INDArray toNetwork(INDArray image, DataType type) {
        INDArray input = Nd4j.create(type, image.shape());
        for (int c = 0; c < CHANNELS; c++) {
            channel(input, c).assign(channel(image, source[c])).muli(slope[c]).addi(offset[c]);
        }
        return input;
    }

    /**
     * @param inputGradient the loss gradient with respect to the network input
     * @param type          the image's data type
     * @return a new array: the gradient with respect to the RGB image
     */
    INDArray toImageGradient(INDArray inputGradient, DataType type) {
        INDArray gradient = Nd4j.create(type, inputGradient.shape());
        for (int c = 0; c < CHANNELS; c++) {
            channel(gradient, source[c]).assign(channel(inputGradient, c)).muli(slope[c]);
        }
        return gradient;
    }

    private static INDArray channel(INDArray image, int c) {
        return image.get(NDArrayIndex.all(), NDArrayIndex.point(c), NDArrayIndex.all(), NDArrayIndex.all());
    }
}
