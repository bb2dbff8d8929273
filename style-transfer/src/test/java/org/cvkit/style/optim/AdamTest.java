package org.cvkit.style.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AdamTest {

    /*
     * After one step the bias-corrected moments are m = g and v = g^2, so every coordinate moves by
     * lr * g / (|g| + eps), the learning rate against the gradient's sign, whatever the gradient's size.
     */
    @Test
    void firstStepMovesEachPixelByTheLearningRate() {
        QuadraticObjective objective = new QuadraticObjective(new double[] {1, 100}, new double[] {0.8, 0.1});
        INDArray image = Nd4j.create(new double[] {0.5, 0.5}, new long[] {1, 1, 1, 2}, 'c');
        try (Adam adam = new Adam(0.05)) {
            double before = adam.step(image, objective).total();

            assertThat(before).isCloseTo(0.09 + 100 * 0.16, within(1e-12));
            assertThat(image.ravel().toDoubleVector()).containsExactly(new double[] {0.55, 0.45}, within(1e-9));
        }
    }

    @Test
    void convergesAndKeepsPixelsInTheUnitRange() {
        QuadraticObjective objective = new QuadraticObjective(new double[] {1, 1, 3}, new double[] {0.3, 1.4, 0.7});
        INDArray image = Nd4j.create(new double[] {0.9, 0.5, 0.1}, new long[] {1, 1, 1, 3}, 'c');
        try (Adam adam = new Adam(0.02)) {
            for (int i = 0; i < 400; i++) {
                adam.step(image, objective);
            }
        }
        assertThat(image.ravel().toDoubleVector()).containsExactly(new double[] {0.3, 1.0, 0.7}, within(1e-3));
    }

    @Test
    void rejectsANonPositiveLearningRate() {
        assertThatThrownBy(() -> new Adam(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("learning rate");
    }
}
