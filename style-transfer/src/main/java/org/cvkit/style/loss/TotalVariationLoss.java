package org.cvkit.style.loss;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The total-variation loss, which favours smooth images: the mean over the {@code C * H * W} values of an image of
 * the squared differences between horizontal and vertical neighbours,
 * {@code (sum (x[c][i][j+1] - x[c][i][j])^2 + sum (x[c][i+1][j] - x[c][i][j])^2) / (C H W)}.
 */
public final class TotalVariationLoss {

    private TotalVariationLoss() {
    }

    /**
     * @param image an image {@code [1, C, H, W]}
     * @return the loss and its gradient with respect to the image
     * @throws IllegalArgumentException if the image is not {@code [1, C, H, W]}
     */
    public static FeatureLoss evaluate(INDArray image) {
        long[] shape = image.shape();
        if (shape.length != 4 || shape[0] != 1) {
            throw new IllegalArgumentException("total variation is taken of one image [1, C, H, W] but the shape is "
                    + Arrays.toString(shape));
        }
        double scale = 2.0 / image.length();
        INDArray gradient = Nd4j.create(image.dataType(), shape);
        double sum = neighbours(image, gradient, 3, shape[3], scale) + neighbours(image, gradient, 2, shape[2], scale);
        return new FeatureLoss(sum / image.length(), gradient);
    }

    /** Adds one direction's differences to the gradient and returns their sum of squares. */
    private static double neighbours(INDArray image, INDArray gradient, int axis, long length, double scale) {
        if (length < 2) {
            return 0;
        }
        try (INDArray difference = shifted(image, axis, 1, length).sub(shifted(image, axis, 0, length - 1))) {
            double norm = difference.norm2Number().doubleValue();
            difference.muli(scale);
            shifted(gradient, axis, 1, length).addi(difference);
            shifted(gradient, axis, 0, length - 1).subi(difference);
            return norm * norm;
        }
    }

    /** @return the view of {@code array} from {@code from} (inclusive) to {@code to} (exclusive) along an axis */
    private static INDArray shifted(INDArray array, int axis, long from, long to) {
        INDArrayIndex[] indices = {NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all()};
        indices[axis] = NDArrayIndex.interval(from, to);
        return array.get(indices);
    }
}
