package org.cvkit.core.train;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * The parameter updates of the course (section 5), each mapped to a DL4J {@link IUpdater} with the course's
 * hyper-parameters. DL4J applies {@code x -= update}; the formulas below are written as the course writes them.
 *
 * <table>
 *   <caption>Course formula and what the DL4J updater computes</caption>
 *   <tr><th>constant</th><th>course</th><th>DL4J updater and difference</th></tr>
 *   <tr><td>{@link #SGD}</td><td>{@code x += -lr*dx}</td><td>{@link Sgd}: identical.</td></tr>
 *   <tr><td>{@link #MOMENTUM}</td><td>{@code v = mu*v - lr*dx; x += v}</td>
 *       <td>{@link Momentum} (cvkit): DL4J has no classical momentum updater. Identical.</td></tr>
 *   <tr><td>{@link #NESTEROV}</td><td>{@code v' = mu*v - lr*dx; x += -mu*v + (1+mu)*v'}</td>
 *       <td>{@link Nesterovs}: identical (its update is {@code mu*v - (1+mu)*v'}, subtracted).</td></tr>
 *   <tr><td>{@link #ADAGRAD}</td><td>{@code cache += dx^2; x += -lr*dx/(sqrt(cache)+eps)}</td>
 *       <td>{@link AdaGrad}: the cache starts at 1e-6 (fixed in DL4J's {@code AdaGradUpdater}, whatever
 *       epsilon is configured) instead of 0, so after t steps it holds {@code 1e-6 + sum dx^2}.</td></tr>
 *   <tr><td>{@link #RMSPROP}</td><td>{@code cache = d*cache + (1-d)*dx^2; x += -lr*dx/(sqrt(cache)+eps)}</td>
 *       <td>{@link RmsProp}: the cache starts at {@code eps} instead of 0 (a term {@code d^t*eps} remains).</td></tr>
 *   <tr><td>{@link #ADAM}</td><td>{@code x += -lr*mb/(sqrt(vb)+eps)} with bias-corrected {@code mb, vb}</td>
 *       <td>{@link Adam}: {@code x += -lr*sqrt(1-b2^t)/(1-b1^t) * m/(sqrt(v)+eps)}: eps is added before the
 *       bias correction of v, which equals the course's formula with eps replaced by
 *       {@code eps/sqrt(1-b2^t)} (31.6*eps at t=1 with b2=0.999). t counts from 1.</td></tr>
 * </table>
 *
 * <p>The differences only matter for gradients of the order of eps (of 1e-3 for AdaGrad). All three adaptive
 * methods use the course's {@link #EPSILON} = 1e-7.
 */
public enum Optimizer {
    /** Plain stochastic gradient descent. */
    SGD,
    /** Classical momentum with {@link #DEFAULT_MOMENTUM}. */
    MOMENTUM,
    /** Nesterov momentum with {@link #DEFAULT_MOMENTUM}. */
    NESTEROV,
    /** AdaGrad with {@link #EPSILON}. */
    ADAGRAD,
    /** RMSProp with {@link #DEFAULT_RMS_DECAY} and {@link #EPSILON}. */
    RMSPROP,
    /** Adam with {@link #DEFAULT_BETA1}, {@link #DEFAULT_BETA2} and {@link #EPSILON}: the course's default choice. */
    ADAM;

    /** The course's epsilon for AdaGrad, RMSProp and Adam. */
    public static final double EPSILON = 1e-7;
    /** Momentum mu of {@link #MOMENTUM} and {@link #NESTEROV} (the course lists 0.5, 0.9 or 0.99). */
    public static final double DEFAULT_MOMENTUM = 0.9;
    /** Decay rate of the RMSProp cache. */
    public static final double DEFAULT_RMS_DECAY = 0.9;
    /** Adam's decay rate of the first moment. */
    public static final double DEFAULT_BETA1 = 0.9;
    /** Adam's decay rate of the second moment. */
    public static final double DEFAULT_BETA2 = 0.999;

    /**
     * Creates this optimizer's DL4J updater with a fixed learning rate.
     *
     * @param learningRate the step size, positive and finite
     * @return a new updater configuration
     * @throws IllegalArgumentException if the learning rate is not positive and finite
     */
    public IUpdater updater(double learningRate) {
        requireLearningRate(learningRate);
        return create(learningRate, null);
    }

    /**
     * Creates this optimizer's DL4J updater whose learning rate follows a schedule
     * (see {@link LearningRateSchedules}).
     *
     * @param learningRateSchedule the learning rate per iteration or epoch
     * @return a new updater configuration
     */
    public IUpdater updater(ISchedule learningRateSchedule) {
        Objects.requireNonNull(learningRateSchedule, "learningRateSchedule");
        return create(learningRateSchedule.valueAt(0, 0), learningRateSchedule);
    }

    /**
     * Parses an optimizer name as a user types it, ignoring case, dashes and underscores
     * ({@code adam}, {@code RMSProp}, {@code nesterov}).
     *
     * @param name the name
     * @return the optimizer
     * @throws IllegalArgumentException if no optimizer has that name; the message lists the valid names
     */
    public static Optimizer parse(String name) {
        String key = name.trim().replace("-", "").replace("_", "").toUpperCase(Locale.ROOT);
        for (Optimizer optimizer : values()) {
            if (optimizer.name().equals(key)) {
                return optimizer;
            }
        }
        String names = Arrays.stream(values()).map(o -> o.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        throw new IllegalArgumentException("unknown optimizer '" + name + "'; choose one of " + names);
    }

    private IUpdater create(double learningRate, ISchedule schedule) {
        return switch (this) {
            case SGD -> Sgd.builder().learningRate(learningRate).learningRateSchedule(schedule).build();
            case MOMENTUM -> schedule == null
                    ? new Momentum(learningRate, DEFAULT_MOMENTUM)
                    : new Momentum(schedule, DEFAULT_MOMENTUM);
            case NESTEROV -> Nesterovs.builder().learningRate(learningRate).learningRateSchedule(schedule)
                    .momentum(DEFAULT_MOMENTUM).build();
            case ADAGRAD -> AdaGrad.builder().learningRate(learningRate).learningRateSchedule(schedule)
                    .epsilon(EPSILON).build();
            case RMSPROP -> RmsProp.builder().learningRate(learningRate).learningRateSchedule(schedule)
                    .rmsDecay(DEFAULT_RMS_DECAY).epsilon(EPSILON).build();
            case ADAM -> Adam.builder().learningRate(learningRate).learningRateSchedule(schedule)
                    .beta1(DEFAULT_BETA1).beta2(DEFAULT_BETA2).epsilon(EPSILON).build();
        };
    }

    static void requireLearningRate(double learningRate) {
        if (!(learningRate > 0 && Double.isFinite(learningRate))) {
            throw new IllegalArgumentException("learning rate must be positive and finite but is " + learningRate
                    + "; typical values are 1e-3 for Adam and 1e-2 to 1e-1 for SGD");
        }
    }
}
