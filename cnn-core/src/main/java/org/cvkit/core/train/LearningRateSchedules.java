package org.cvkit.core.train;

import java.util.Objects;

import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.InverseSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/**
 * The course's learning-rate schedules as DL4J {@link ISchedule}s, to pass to
 * {@link Optimizer#updater(ISchedule)}. {@code t} counts epochs ({@link ScheduleType#EPOCH}) or iterations
 * (mini-batches, {@link ScheduleType#ITERATION}) from 0; epoch-based schedules need the network's epoch counter to
 * advance, which {@link Trainer} and DL4J's own {@code fit(DataSetIterator)} do.
 */
public final class LearningRateSchedules {

    private LearningRateSchedules() {
    }

    /**
     * Step decay: {@code lr0 * factor^floor(t / every)}; with factor 0.5 the rate halves every {@code every} steps.
     *
     * @param unit   what t counts
     * @param lr0    the initial learning rate, positive
     * @param factor the multiplier applied every {@code every} steps, in (0, 1]
     * @param every  the number of epochs or iterations between decays, positive
     * @return the schedule (DL4J {@link StepSchedule})
     */
    public static ISchedule step(ScheduleType unit, double lr0, double factor, int every) {
        Optimizer.requireLearningRate(lr0);
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("step decay factor must be in (0, 1] but is " + factor
                    + "; use 0.5 to halve the learning rate");
        }
        if (every < 1) {
            throw new IllegalArgumentException("step decay interval must be at least 1 but is " + every);
        }
        return new StepSchedule(Objects.requireNonNull(unit, "unit"), lr0, factor, every);
    }

    /**
     * Exponential decay {@code lr0 * e^(-k*t)}.
     *
     * @param unit what t counts
     * @param lr0  the initial learning rate, positive
     * @param k    the decay constant, zero or positive
     * @return the schedule (DL4J {@link ExponentialSchedule} with {@code gamma = e^-k})
     */
    public static ISchedule exponential(ScheduleType unit, double lr0, double k) {
        Optimizer.requireLearningRate(lr0);
        requireDecay(k);
        return new ExponentialSchedule(Objects.requireNonNull(unit, "unit"), lr0, Math.exp(-k));
    }

    /**
     * Inverse-time decay {@code lr0 / (1 + k*t)}.
     *
     * @param unit what t counts
     * @param lr0  the initial learning rate, positive
     * @param k    the decay constant, zero or positive
     * @return the schedule (DL4J {@link InverseSchedule} with power 1)
     */
    public static ISchedule inverseTime(ScheduleType unit, double lr0, double k) {
        Optimizer.requireLearningRate(lr0);
        requireDecay(k);
        return new InverseSchedule(Objects.requireNonNull(unit, "unit"), lr0, k, 1.0);
    }

    private static void requireDecay(double k) {
        if (!(k >= 0 && Double.isFinite(k))) {
            throw new IllegalArgumentException("decay constant k must be zero or positive and finite but is " + k);
        }
    }
}
