package org.cvkit.core.train;

import java.util.Arrays;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.learning.GradientUpdater;

/**
 * The state and update step of {@link Momentum}: one velocity value per parameter.
 *
 * <p>DL4J subtracts what an updater leaves in the gradient array ({@code x -= update}), so the course's
 * {@code x += v} becomes {@code update = -v}.
 */
final class MomentumUpdater implements GradientUpdater<Momentum> {

    /** Key of the velocity in the updater state map. */
    static final String VELOCITY = "V";

    private final Momentum config;
    private INDArray velocity;

    MomentumUpdater(Momentum config) {
        this.config = config;
    }

    @Override
    public Momentum getConfig() {
        return config;
    }

    @Override
    public void setState(Map<String, INDArray> state, boolean initialize) {
        if (state.size() != 1 || !state.containsKey(VELOCITY)) {
            throw new IllegalStateException("momentum updater state must hold exactly the key '" + VELOCITY
                    + "' but holds " + state.keySet());
        }
        velocity = state.get(VELOCITY);
        if (initialize) {
            velocity.assign(0);
        }
    }

    @Override
    public Map<String, INDArray> getState() {
        return Map.of(VELOCITY, velocity);
    }

    @Override
    public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder, boolean initialize) {
        if (!viewArray.isRowVectorOrScalar()) {
            throw new IllegalArgumentException("momentum state view must be a row vector but has shape "
                    + Arrays.toString(viewArray.shape()));
        }
        if (initialize) {
            viewArray.assign(0);
        }
        velocity = Shape.newShapeNoCopy(viewArray, gradientShape, gradientOrder == 'f');
        if (velocity == null) {
            throw new IllegalStateException("momentum state view of shape "
                    + Arrays.toString(viewArray.shape()) + " cannot be viewed as the gradient shape "
                    + Arrays.toString(gradientShape));
        }
    }

    @Override
    public void applyUpdater(INDArray gradient, int iteration, int epoch) {
        if (velocity == null) {
            throw new IllegalStateException("momentum updater has no state: call setStateViewArray or setState first");
        }
        double learningRate = config.getLearningRate(iteration, epoch);
        velocity.muli(config.momentum()).subi(gradient.muli(learningRate));
        gradient.assign(velocity).negi();
    }
}
