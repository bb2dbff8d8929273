package org.cvkit.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * Applies one and two steps of each DL4J updater that {@link Optimizer} creates to known gradients and compares the
 * parameter changes with the course's formulas, evaluated by hand below in plain doubles.
 */
class OptimizerTest {

    private static final double LR = 0.1;
    private static final double MU = 0.9;
    private static final double EPS = 1e-7;
    private static final double[] G1 = {0.5, -2.0, 3.0};
    private static final double[] G2 = {1.0, 0.25, -1.5};
    /** DL4J's AdaGrad fills its cache with 1e-6 before the first step, whatever epsilon is configured. */
    private static final double ADAGRAD_INITIAL_CACHE = 1e-6;
    /** DL4J and the course agree exactly up to double rounding. */
    private static final double EXACT = 1e-12;

    @Test
    void sgdMovesByMinusLearningRateTimesGradient() {
        double[][] dx = twoSteps(Optimizer.SGD.updater(LR));
        for (int i = 0; i < G1.length; i++) {
            assertThat(dx[0][i]).isCloseTo(-LR * G1[i], within(EXACT));
            assertThat(dx[1][i]).isCloseTo(-LR * G2[i], within(EXACT));
        }
    }

    @Test
    void momentumFollowsTheCourseFormula() {
        double[][] dx = twoSteps(Optimizer.MOMENTUM.updater(LR));
        for (int i = 0; i < G1.length; i++) {
            double v1 = -LR * G1[i];
            double v2 = MU * v1 - LR * G2[i];
            assertThat(dx[0][i]).isCloseTo(v1, within(EXACT));
            assertThat(dx[1][i]).isCloseTo(v2, within(EXACT));
        }
    }

    @Test
    void nesterovOfDl4jIsTheCourseFormula() {
        double[][] dx = twoSteps(Optimizer.NESTEROV.updater(LR));
        for (int i = 0; i < G1.length; i++) {
            double v1 = -LR * G1[i];
            double v2 = MU * v1 - LR * G2[i];
            assertThat(dx[0][i]).isCloseTo(-MU * 0 + (1 + MU) * v1, within(EXACT));
            assertThat(dx[1][i]).isCloseTo(-MU * v1 + (1 + MU) * v2, within(EXACT));
        }
    }

    @Test
    void adaGradOfDl4jStartsItsCacheAtOneMillionth() {
        double[][] dx = twoSteps(Optimizer.ADAGRAD.updater(LR));
        for (int i = 0; i < G1.length; i++) {
            double cache1 = ADAGRAD_INITIAL_CACHE + G1[i] * G1[i];
            double cache2 = cache1 + G2[i] * G2[i];
            assertThat(dx[0][i]).isCloseTo(-LR * G1[i] / (Math.sqrt(cache1) + EPS), within(EXACT));
            assertThat(dx[1][i]).isCloseTo(-LR * G2[i] / (Math.sqrt(cache2) + EPS), within(EXACT));
            // The course's cache starts at 0; for gradients far above eps the two agree closely.
            double courseCache2 = G1[i] * G1[i] + G2[i] * G2[i];
            assertThat(dx[1][i]).isCloseTo(-LR * G2[i] / (Math.sqrt(courseCache2) + EPS), within(1e-6));
        }
    }

    @Test
    void adaGradDiffersFromTheCourseForGradientsNearEpsilon() {
        double g = 1e-4;
        double dx = twoSteps(Optimizer.ADAGRAD.updater(LR), new double[] {g}, new double[] {g})[0][0];
        double dl4j = -LR * g / (Math.sqrt(ADAGRAD_INITIAL_CACHE + g * g) + EPS);
        double course = -LR * g / (Math.sqrt(g * g) + EPS);
        assertThat(dx).isCloseTo(dl4j, within(EXACT));
        assertThat(Math.abs(dx - course)).isGreaterThan(0.05);
    }

    @Test
    void rmsPropOfDl4jStartsItsCacheAtEpsilon() {
        double decay = Optimizer.DEFAULT_RMS_DECAY;
        double[][] dx = twoSteps(Optimizer.RMSPROP.updater(LR));
        for (int i = 0; i < G1.length; i++) {
            double cache1 = decay * EPS + (1 - decay) * G1[i] * G1[i];
            double cache2 = decay * cache1 + (1 - decay) * G2[i] * G2[i];
            assertThat(dx[0][i]).isCloseTo(-LR * G1[i] / (Math.sqrt(cache1) + EPS), within(EXACT));
            assertThat(dx[1][i]).isCloseTo(-LR * G2[i] / (Math.sqrt(cache2) + EPS), within(EXACT));
            double courseCache1 = (1 - decay) * G1[i] * G1[i];
            assertThat(dx[0][i]).isCloseTo(-LR * G1[i] / (Math.sqrt(courseCache1) + EPS), within(1e-6));
        }
    }

    @Test
    void adamFirstStepMovesEachWeightByTheLearningRate() {
        double[][] dx = twoSteps(Optimizer.ADAM.updater(LR));
        for (int i = 0; i < G1.length; i++) {
            assertThat(dx[0][i]).isCloseTo(-LR * Math.signum(G1[i]), within(1e-6));
        }
    }

    @Test
    void adamAddsEpsilonBeforeTheBiasCorrection() {
        double b1 = Optimizer.DEFAULT_BETA1;
        double b2 = Optimizer.DEFAULT_BETA2;
        double[][] dx = twoSteps(Optimizer.ADAM.updater(LR));
        for (int i = 0; i < G1.length; i++) {
            double m = 0;
            double v = 0;
            double[] g = {G1[i], G2[i]};
            for (int t = 1; t <= 2; t++) {
                m = b1 * m + (1 - b1) * g[t - 1];
                v = b2 * v + (1 - b2) * g[t - 1] * g[t - 1];
                double mb = m / (1 - Math.pow(b1, t));
                double vb = v / (1 - Math.pow(b2, t));
                double course = -LR * mb / (Math.sqrt(vb) + EPS);
                double dl4j = -LR * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t)) * m / (Math.sqrt(v) + EPS);
                double courseWithScaledEpsilon = -LR * mb / (Math.sqrt(vb) + EPS / Math.sqrt(1 - Math.pow(b2, t)));
                assertThat(dx[t - 1][i]).isCloseTo(dl4j, within(EXACT));
                assertThat(dx[t - 1][i]).isCloseTo(courseWithScaledEpsilon, within(EXACT));
                assertThat(dx[t - 1][i]).isCloseTo(course, within(1e-6));
            }
        }
    }

    @Test
    void adamDiffersFromTheCourseForGradientsNearEpsilon() {
        double g = EPS;
        double dx = twoSteps(Optimizer.ADAM.updater(LR), new double[] {g}, new double[] {g})[0][0];
        double course = -LR * g / (g + EPS); // mb = g, vb = g^2 at t = 1
        double dl4j = -LR * g / (g + EPS / Math.sqrt(1 - Optimizer.DEFAULT_BETA2));
        assertThat(course).isCloseTo(-LR / 2, within(EXACT));
        assertThat(dx).isCloseTo(dl4j, within(EXACT));
        assertThat(dx).isCloseTo(-0.00306, within(1e-5));
    }

    @Test
    void createsTheDl4jUpdaterTypesWithTheCourseEpsilon() {
        assertThat(Optimizer.SGD.updater(LR)).isInstanceOf(Sgd.class);
        assertThat(Optimizer.MOMENTUM.updater(LR)).isEqualTo(new Momentum(LR, MU));
        assertThat(((Nesterovs) Optimizer.NESTEROV.updater(LR)).getMomentum()).isEqualTo(MU);
        assertThat(((AdaGrad) Optimizer.ADAGRAD.updater(LR)).getEpsilon()).isEqualTo(EPS);
        assertThat(((RmsProp) Optimizer.RMSPROP.updater(LR)).getEpsilon()).isEqualTo(EPS);
        Adam adam = (Adam) Optimizer.ADAM.updater(LR);
        assertThat(adam.getEpsilon()).isEqualTo(EPS);
        assertThat(adam.getBeta1()).isEqualTo(0.9);
        assertThat(adam.getBeta2()).isEqualTo(0.999);
    }

    @Test
    void everyOptimizerFollowsALearningRateSchedule() {
        var halving = LearningRateSchedules.step(ScheduleType.ITERATION, 0.4, 0.5, 1);
        for (Optimizer optimizer : Optimizer.values()) {
            IUpdater updater = optimizer.updater(halving);
            assertThat(updater.getLearningRate(0, 0)).as(optimizer.name()).isEqualTo(0.4);
            assertThat(updater.getLearningRate(2, 0)).as(optimizer.name()).isEqualTo(0.1);
        }
    }

    @Test
    void parsesNamesAsUsersTypeThem() {
        assertThat(Optimizer.parse("adam")).isEqualTo(Optimizer.ADAM);
        assertThat(Optimizer.parse(" RMSProp ")).isEqualTo(Optimizer.RMSPROP);
        assertThat(Optimizer.parse("ada-grad")).isEqualTo(Optimizer.ADAGRAD);
        assertThatThrownBy(() -> Optimizer.parse("lbfgs"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lbfgs")
                .hasMessageContaining("sgd, momentum, nesterov, adagrad, rmsprop, adam");
    }

    @Test
    void rejectsLearningRatesThatAreNotPositiveAndFinite() {
        for (double bad : new double[] {0, -0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> Optimizer.ADAM.updater(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("learning rate must be positive and finite");
        }
    }

    private static double[][] twoSteps(IUpdater updater) {
        return twoSteps(updater, G1, G2);
    }

    /** @return the parameter change of step 1 and of step 2, as the course writes it ({@code x += dx}) */
    static double[][] twoSteps(IUpdater updater, double[] g1, double[] g2) {
        int n = g1.length;
        long stateSize = updater.stateSize(n);
        INDArray state = stateSize == 0 ? null : Nd4j.zeros(DataType.DOUBLE, 1, stateSize);
        GradientUpdater<?> gradientUpdater = updater.instantiate(state, true);
        double[][] changes = new double[2][];
        double[][] gradients = {g1, g2};
        for (int step = 0; step < 2; step++) {
            INDArray gradient = Nd4j.createFromArray(gradients[step]).reshape(1, n);
            gradientUpdater.applyUpdater(gradient, step, 0);
            changes[step] = gradient.neg().toDoubleVector(); // DL4J applies x -= update
        }
        return changes;
    }
}
