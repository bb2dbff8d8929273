package org.cvkit.core.train;

import java.util.Map;
import java.util.Objects;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Classical (heavy-ball) momentum as the course writes it: {@code v = mu*v - lr*dx; x += v}.
 *
 * <p>DL4J ships no such updater: its only momentum updater, {@link org.nd4j.linalg.learning.config.Nesterovs},
 * applies Nesterov's look-ahead form. This class fills the gap as a regular DL4J {@link IUpdater}, so it can be
 * put into any layer or network configuration, serialized with it to JSON and saved with its state.
 *
 * <p>Like every DL4J configuration object it is mutable only through {@link #setLrAndSchedule}, which DL4J calls
 * when a learning rate is changed on a live network.
 */
public final class Momentum implements IUpdater {

    private static final long serialVersionUID = 1L;

    private double learningRate;
    private ISchedule learningRateSchedule;
    private final double momentum;

    /**
     * Creates classical momentum with a fixed learning rate.
     *
     * @param learningRate the step size lr, positive
     * @param momentum     the momentum mu, in [0, 1) (the course suggests 0.5, 0.9 or 0.99)
     */
    public Momentum(double learningRate, double momentum) {
        this(learningRate, null, momentum);
    }

    /**
     * Creates classical momentum whose learning rate follows a schedule.
     *
     * @param learningRateSchedule the learning rate per iteration or epoch
     * @param momentum             the momentum mu, in [0, 1)
     */
    public Momentum(ISchedule learningRateSchedule, double momentum) {
        this(Objects.requireNonNull(learningRateSchedule, "learningRateSchedule").valueAt(0, 0), learningRateSchedule,
                momentum);
    }

    @JsonCreator
    private Momentum(@JsonProperty("learningRate") double learningRate,
                     @JsonProperty("learningRateSchedule") ISchedule learningRateSchedule,
                     @JsonProperty("momentum") double momentum) {
        if (learningRateSchedule == null) {
            Optimizer.requireLearningRate(learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1) but is " + momentum
                    + "; the course uses 0.5, 0.9 or 0.99");
        }
        this.learningRate = learningRate;
        this.learningRateSchedule = learningRateSchedule;
        this.momentum = momentum;
    }

    /** @return the momentum mu */
    public double momentum() {
        return momentum;
    }

    @Override
    public long stateSize(long numParams) {
        return numParams;
    }

    @Override
    public GradientUpdater<Momentum> instantiate(INDArray viewArray, boolean initializeViewArray) {
        MomentumUpdater updater = new MomentumUpdater(this);
        updater.setStateViewArray(viewArray, viewArray.shape(), viewArray.ordering(), initializeViewArray);
        return updater;
    }

    @Override
    public GradientUpdater<Momentum> instantiate(Map<String, INDArray> updaterState, boolean initializeStateArrays) {
        MomentumUpdater updater = new MomentumUpdater(this);
        updater.setState(updaterState, initializeStateArrays);
        return updater;
    }

    @Override
    public Momentum clone() {
        return new Momentum(learningRate, learningRateSchedule == null ? null : learningRateSchedule.clone(),
                momentum);
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return learningRateSchedule == null ? learningRate : learningRateSchedule.valueAt(iteration, epoch);
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    @Override
    public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
        this.learningRate = lr;
        this.learningRateSchedule = lrSchedule;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Momentum that
                && Double.compare(learningRate, that.learningRate) == 0
                && Double.compare(momentum, that.momentum) == 0
                && Objects.equals(learningRateSchedule, that.learningRateSchedule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(learningRate, learningRateSchedule, momentum);
    }

    @Override
    public String toString() {
        return "Momentum(learningRate=" + (learningRateSchedule == null ? learningRate : learningRateSchedule)
                + ", momentum=" + momentum + ")";
    }
}
