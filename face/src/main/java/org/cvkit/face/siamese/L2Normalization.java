package org.cvkit.face.siamese;

import java.util.Arrays;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Scales every row of a {@code [batch, features]} array to unit euclidean length: {@code y = x / n} with
 * {@code n = sqrt(sum x^2 + }{@value #EPSILON}{@code )}, the last step of a Siamese encoder (so that the squared
 * distance between two embeddings lies in [0, 4]). Use it as the activation of a DL4J {@code ActivationLayer}.
 *
 * <p>Back-propagation: {@code dL/dx = (g - y (y . g)) / n} for the incoming gradient {@code g = dL/dy}: the part of
 * {@code g} along {@code y} is removed, because moving {@code x} along itself does not change {@code y}.
 */
public final class L2Normalization extends BaseActivationFunction {

    /** Added to the squared norm before the square root, so an all-zero row stays finite. */
    public static final double EPSILON = 1e-12;

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        return in.diviColumnVector(norms(in));
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        INDArray norms = norms(in);
        INDArray unit = in.divColumnVector(norms);
        INDArray along = unit.mul(epsilon).sum(true, 1);
        INDArray gradient = epsilon.sub(unit.muliColumnVector(along)).diviColumnVector(norms);
        return new Pair<>(gradient, null);
    }

    private static INDArray norms(INDArray in) {
        if (in.rank() != 2) {
            throw new IllegalArgumentException("L2 normalization needs embeddings [batch, features] but got shape "
                    + Arrays.toString(in.shape()) + "; place it after a dense layer");
        }
        return Transforms.sqrt(in.mul(in).sum(true, 1).addi(EPSILON), false);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof L2Normalization;
    }

    @Override
    public int hashCode() {
        return L2Normalization.class.hashCode();
    }

    @Override
    public String toString() {
        return "l2normalization";
    }
}
