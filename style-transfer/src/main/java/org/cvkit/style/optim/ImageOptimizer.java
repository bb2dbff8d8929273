package org.cvkit.style.optim;

import org.cvkit.style.loss.LossValues;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Minimizes an objective over the pixels of one image, one iteration at a time. An optimizer keeps state between
 * iterations (moments, curvature pairs) for one image of one size: create a new one for every image or scale, and
 * change the image only through {@link #step}. Closing releases the state.
 */
public interface ImageOptimizer extends AutoCloseable {

    /**
     * Runs one iteration, moving the image in place.
     *
     * @param image     the image, updated in place
     * @param objective what to minimize
     * @return the losses of the image as it was before this iteration
     */
    LossValues step(INDArray image, Objective objective);

    /** Releases the optimizer's state. */
    @Override
    void close();
}
