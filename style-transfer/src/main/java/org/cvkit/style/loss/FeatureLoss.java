package org.cvkit.style.loss;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A loss term and its gradient with respect to what it was computed from (a layer's activations or the image).
 *
 * @param value    the loss
 * @param gradient a new array shaped as the input, owned by the holder; close it when done
 */
public record FeatureLoss(double value, INDArray gradient) implements AutoCloseable {

    /** Checks that the gradient is given. */
    public FeatureLoss {
        Objects.requireNonNull(gradient, "gradient");
    }

    /** Releases the gradient. */
    @Override
    public void close() {
        gradient.close();
    }
}
