package org.cvkit.face.siamese;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.cvkit.core.testing.DoublePrecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

@ExtendWith(DoublePrecision.class)
class L2NormalizationTest {

    @Test
    void scalesEveryRowToUnitLength() {
        // (3, 4) has length 5; (0, -2) has length 2
        INDArray out = new L2Normalization().getActivation(Nd4j.create(new double[][] {{3, 4}, {0, -2}}), true);

        assertThat(out.getRow(0).toDoubleVector()).containsExactly(new double[] {0.6, 0.8}, within(1e-12));
        assertThat(out.getRow(1).toDoubleVector()).containsExactly(new double[] {0, -1}, within(1e-12));
    }

    @Test
    void aZeroRowStaysFinite() {
        INDArray out = new L2Normalization().getActivation(Nd4j.zeros(DataType.DOUBLE, 1, 3), true);

        assertThat(out.toDoubleVector()).containsExactly(0, 0, 0);
    }

    /*
     * x = (3, 4), n = 5, y = (0.6, 0.8), g = (1, 0): y . g = 0.6,
     * dL/dx = (g - 0.6 y) / 5 = ((1, 0) - (0.36, 0.48)) / 5 = (0.128, -0.096).
     */
    @Test
    void backpropagationWorkedOutByHand() {
        INDArray gradient = new L2Normalization().backprop(Nd4j.create(new double[][] {{3, 4}}),
                Nd4j.create(new double[][] {{1, 0}})).getFirst();

        assertThat(gradient.toDoubleVector()).containsExactly(new double[] {0.128, -0.096}, within(1e-12));
    }

    @Test
    void backpropagationMatchesFiniteDifferences() {
        INDArray x = Nd4j.rand(DataType.DOUBLE, 4, 6).subi(0.5);
        INDArray weights = Nd4j.rand(DataType.DOUBLE, 4, 6).subi(0.5);
        L2Normalization l2 = new L2Normalization();

        // L = sum(weights * y(x)), so dL/dy = weights
        INDArray analytic = l2.backprop(x.dup(), weights).getFirst();

        double step = 1e-6;
        for (int i = 0; i < 4; i++) {
            for (int k = 0; k < 6; k++) {
                double original = x.getDouble(i, k);
                x.putScalar(i, k, original + step);
                double plus = l2.getActivation(x.dup(), true).mul(weights).sumNumber().doubleValue();
                x.putScalar(i, k, original - step);
                double minus = l2.getActivation(x.dup(), true).mul(weights).sumNumber().doubleValue();
                x.putScalar(i, k, original);
                assertThat(analytic.getDouble(i, k)).isCloseTo((plus - minus) / (2 * step), within(1e-8));
            }
        }
    }

    @Test
    void rejectsInputThatIsNotABatchOfVectors() {
        assertThatThrownBy(() -> new L2Normalization().getActivation(Nd4j.zeros(2, 3, 4, 4), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after a dense layer");
    }
}
