package org.cvkit.style.optim;

/** The optimizers by name, with their default settings. */
public enum OptimizerKind {
    /** {@link Adam} with {@link Adam#DEFAULT_LEARNING_RATE}. */
    ADAM,
    /** {@link Lbfgs} with {@link Lbfgs#DEFAULT_HISTORY} pairs. */
    LBFGS;

    /** @return a new optimizer of this kind with default settings */
    public ImageOptimizer create() {
        return this == ADAM ? new Adam() : new Lbfgs();
    }
}
