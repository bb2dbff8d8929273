package org.cvkit.style.optim;

import org.cvkit.style.loss.LossValues;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam as the course writes it: {@code m = b1 m + (1 - b1) dx}, {@code v = b2 v + (1 - b2) dx^2},
 * {@code x -= lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)}, one objective evaluation per iteration. After
 * each step the pixels are clipped to [0, 1], so the image stays a valid picture.
 */
public final class Adam implements ImageOptimizer {

    /** Learning rate unless set otherwise, in units of the [0, 1] pixel range. */
    public static final double DEFAULT_LEARNING_RATE = 0.02;

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double learningRate;
    private INDArray firstMoment;
    private INDArray secondMoment;
    private int iteration;

    /** Adam with {@link #DEFAULT_LEARNING_RATE}. */
    public Adam() {
        this(DEFAULT_LEARNING_RATE);
    }

    /**
     * @param learningRate step size, positive and finite
     */
    public Adam(double learningRate) {
        if (!(learningRate > 0 && Double.isFinite(learningRate))) {
            throw new IllegalArgumentException("the Adam learning rate must be positive and finite but is "
                    + learningRate);
        }
        this.learningRate = learningRate;
    }

    @Override
    public LossValues step(INDArray image, Objective objective) {
        try (Evaluation evaluation = objective.evaluate(image)) {
            INDArray gradient = evaluation.gradient();
            if (firstMoment == null) {
                firstMoment = gradient.ulike().assign(0);
                secondMoment = gradient.ulike().assign(0);
            }
            iteration++;
            try (INDArray scaled = gradient.mul(1 - BETA1)) {
                firstMoment.muli(BETA1).addi(scaled);
            }
            try (INDArray squared = gradient.mul(gradient)) {
                secondMoment.muli(BETA2).addi(squared.muli(1 - BETA2));
            }
            double firstCorrection = 1 - Math.pow(BETA1, iteration);
            double secondCorrection = 1 - Math.pow(BETA2, iteration);
            try (INDArray denominator = Transforms.sqrt(secondMoment.div(secondCorrection), false).addi(EPSILON);
                 INDArray update = firstMoment.div(denominator).muli(learningRate / firstCorrection)) {
                image.subi(update);
            }
            clipToPixelRange(image);
            return evaluation.losses();
        }
    }

    private static void clipToPixelRange(INDArray image) {
        Transforms.max(image, 0.0, false);
        Transforms.min(image, 1.0, false);
    }

    @Override
    public void close() {
        if (firstMoment != null) {
            firstMoment.close();
            secondMoment.close();
        }
    }
}
