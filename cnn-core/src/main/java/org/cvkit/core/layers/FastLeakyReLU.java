package org.cvkit.core.layers;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.Max;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Leaky ReLU {@code f(x) = x} for {@code x >= 0}, {@code alpha * x} below, computed as {@code max(x, alpha * x)}.
 *
 * <p>The values equal those of ND4J's {@link ActivationLReLU}, but ND4J 1.0.0-M2.1's leaky ReLU op is about twenty
 * times slower than a multiplication and a pairwise maximum: in a Darknet YOLO it took half of the forward pass.
 * Its derivative op is slow too; the backward pass here uses a step function and in-place arithmetic instead.
 * Serializes with the network configuration like DL4J's own activations.
 */
public final class FastLeakyReLU extends BaseActivationFunction {

    private final double alpha;

    /**
     * @param alpha the slope below zero, in [0, 1] (where {@code max(x, alpha * x)} is leaky ReLU)
     * @throws IllegalArgumentException if alpha is outside [0, 1]
     */
    @JsonCreator
    public FastLeakyReLU(@JsonProperty("alpha") double alpha) {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("the leaky ReLU slope must be in [0, 1] to be computed as "
                    + "max(x, alpha * x), not " + alpha);
        }
        this.alpha = alpha;
    }

    /** @return the slope below zero */
    @JsonProperty("alpha")
    public double alpha() {
        return alpha;
    }

    /** Replaces {@code in} by its activation; the temporary {@code alpha * in} lives in the current workspace. */
    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        INDArray scaled = in.mul(alpha);
        Nd4j.exec(new Max(in, scaled, in));
        if (!scaled.isAttached()) {
            scaled.close();
        }
        return in;
    }

    /** Overwrites {@code in} with the gradient {@code epsilon * (in > 0 ? 1 : alpha)}, without temporaries. */
    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        Transforms.step(in, false).muli(1 - alpha).addi(alpha).muli(epsilon);
        return new Pair<>(in, null);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FastLeakyReLU leaky && Double.compare(alpha, leaky.alpha) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(alpha);
    }

    @Override
    public String toString() {
        return "leakyrelu(a=" + alpha + ")";
    }
}
