package org.cvkit.style.optim;

import java.util.Objects;
import org.cvkit.style.loss.LossValues;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An objective's value at one point with its gradient.
 *
 * @param losses   the loss terms and their weighted total, the value minimized
 * @param gradient the gradient of the total, owned by the holder; close it when done
 */
public record Evaluation(LossValues losses, INDArray gradient) implements AutoCloseable {

    /** Checks that both parts are given. */
    public Evaluation {
        Objects.requireNonNull(losses, "losses");
        Objects.requireNonNull(gradient, "gradient");
    }

    /** @return the weighted total loss */
    public double value() {
        return losses.total();
    }

    /** Releases the gradient. */
    @Override
    public void close() {
        gradient.close();
    }
}
