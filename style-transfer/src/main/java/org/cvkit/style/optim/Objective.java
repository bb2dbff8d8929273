package org.cvkit.style.optim;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A differentiable function of an image: what an {@link ImageOptimizer} minimizes. */
@FunctionalInterface
public interface Objective {

    /**
     * @param image the point to evaluate, not modified
     * @return the losses there and the gradient of their weighted total, shaped as the image
     */
    Evaluation evaluate(INDArray image);
}
