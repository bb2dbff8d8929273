package org.cvkit.style.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LbfgsTest {

    /*
     * Curvatures from 1 to 1000: steepest descent would need thousands of steps; L-BFGS learns the curvature from
     * its pairs and reaches the minimum in a few dozen evaluations.
     */
    @Test
    void solvesAnIllConditionedQuadraticQuickly() {
        double[] curvature = {1, 10, 100, 1000, 3};
        double[] target = {0.2, 0.4, 0.6, 0.8, 0.5};
        QuadraticObjective objective = new QuadraticObjective(curvature, target);
        INDArray image = Nd4j.create(new double[] {0.5, 0.5, 0.5, 0.5, 0.5}, new long[] {1, 1, 1, 5}, 'c');
        double previous = Double.POSITIVE_INFINITY;
        try (Lbfgs lbfgs = new Lbfgs(5)) {
            for (int i = 0; i < 30; i++) {
                double before = lbfgs.step(image, objective).total();
                assertThat(before).isLessThanOrEqualTo(previous);
                previous = before;
            }
        }
        assertThat(image.ravel().toDoubleVector()).containsExactly(target, within(1e-6));
        assertThat(objective.evaluations()).isLessThan(60);
    }

    /* The first iteration moves the pixel with the largest gradient by 0.05 of the range. */
    @Test
    void firstIterationIsAShortSteepestDescentStep() {
        QuadraticObjective objective = new QuadraticObjective(new double[] {1, 1}, new double[] {1, 0.6});
        INDArray image = Nd4j.create(new double[] {0, 0.5}, new long[] {1, 1, 1, 2}, 'c');
        try (Lbfgs lbfgs = new Lbfgs()) {
            double before = lbfgs.step(image, objective).total();

            assertThat(before).isCloseTo(1 + 0.01, within(1e-12));
            assertThat(image.ravel().toDoubleVector()).containsExactly(new double[] {0.05, 0.505}, within(1e-12));
        }
    }

    @Test
    void rejectsAnEmptyHistory() {
        assertThatThrownBy(() -> new Lbfgs(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
