package org.cvkit.style.loss;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Gram matrix of a layer's activations: with the activations as a {@code C x M} matrix {@code F} (one row per
 * channel, {@code M = H * W} positions), {@code G = F F^T}, so {@code G[k][k'] = sum_i sum_j a[i][j][k] a[i][j][k']},
 * the correlation between channels that the course calls style. The normalized form divides by {@code C * M}, which
 * makes matrices of layers and images of different sizes comparable.
 */
public final class GramMatrix {

    private GramMatrix() {
    }

    /**
     * @param features one image's activations {@code [1, C, H, W]}
     * @return a new {@code [C, C]} matrix {@code F F^T}
     * @throws IllegalArgumentException if the activations are not {@code [1, C, H, W]}
     */
    public static INDArray of(INDArray features) {
        try (INDArray matrix = asMatrix(features)) {
            return matrix.mmul(matrix.transpose());
        }
    }

    /**
     * @param features one image's activations {@code [1, C, H, W]}
     * @return a new {@code [C, C]} matrix {@code F F^T / (C * H * W)}
     * @throws IllegalArgumentException if the activations are not {@code [1, C, H, W]}
     */
    public static INDArray normalized(INDArray features) {
        return of(features).divi(features.length());
    }

    /**
     * @param features one image's activations {@code [1, C, H, W]}
     * @return a new {@code [C, H * W]} copy, one row per channel
     */
    static INDArray asMatrix(INDArray features) {
        long[] shape = features.shape();
        if (shape.length != 4 || shape[0] != 1) {
            throw new IllegalArgumentException("a Gram matrix is taken of one image's activations [1, C, H, W] but"
                    + " the shape is " + Arrays.toString(shape));
        }
        INDArray matrix = Nd4j.create(features.dataType(), new long[] {shape[1], shape[2] * shape[3]}, 'c');
        matrix.reshape('c', shape).assign(features);
        return matrix;
    }
}
