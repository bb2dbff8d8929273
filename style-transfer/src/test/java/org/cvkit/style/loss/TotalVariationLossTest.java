package org.cvkit.style.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TotalVariationLossTest {

    /*
     * x = [[0, 1], [2, 4]]: horizontal differences 1 and 2, vertical 2 and 3; (1 + 4 + 4 + 9) / 4 values = 4.5.
     * dJ/dx00 = (-2*1 - 2*2) / 4 = -1.5, dJ/dx01 = (2*1 - 2*3) / 4 = -1, dJ/dx10 = (-2*2 + 2*2) / 4 = 0,
     * dJ/dx11 = (2*2 + 2*3) / 4 = 2.5.
     */
    @Test
    void isTheMeanSquaredNeighbourDifference() {
        INDArray image = Nd4j.create(new double[] {0, 1, 2, 4}, new long[] {1, 1, 2, 2}, 'c');
        try (FeatureLoss loss = TotalVariationLoss.evaluate(image)) {
            assertThat(loss.value()).isCloseTo(4.5, within(1e-12));
            assertThat(loss.gradient().ravel().toDoubleVector()).containsExactly(new double[] {-1.5, -1, 0, 2.5},
                    within(1e-12));
        }
    }

    @Test
    void isZeroForAFlatImage() {
        try (FeatureLoss loss = TotalVariationLoss.evaluate(Nd4j.ones(1, 3, 5, 4).muli(0.3))) {
            assertThat(loss.value()).isCloseTo(0, within(1e-12));
            assertThat(loss.gradient().amaxNumber().doubleValue()).isCloseTo(0, within(1e-12));
        }
    }

    /* One row: only horizontal neighbours, (1 + 1) / 3 values. */
    @Test
    void handlesASingleRow() {
        INDArray image = Nd4j.create(new double[] {0, 1, 0}, new long[] {1, 1, 1, 3}, 'c');
        try (FeatureLoss loss = TotalVariationLoss.evaluate(image)) {
            assertThat(loss.value()).isCloseTo(2.0 / 3, within(1e-12));
        }
    }

    @Test
    void rejectsABatch() {
        assertThatThrownBy(() -> TotalVariationLoss.evaluate(Nd4j.zeros(2, 3, 4, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[2, 3, 4, 4]");
    }
}
