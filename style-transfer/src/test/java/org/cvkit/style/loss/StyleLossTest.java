package org.cvkit.style.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class StyleLossTest {

    /*
     * One channel over two positions. Style S = (1, 1): Gram 2, normalized by C M = 2 gives Â = 1, ||Â||^2 = 1.
     * F = (2, 0): Gram 4, Ĝ = 2, J = (2 - 1)^2 / 1 = 1. As a function J(F) = (|F|^2 / 2 - 1)^2, so
     * dJ/dF = 2 (|F|^2 / 2 - 1) F = (4, 0).
     */
    @Test
    void isTheRelativeDistanceOfNormalizedGramMatrices() {
        try (StyleLoss loss = new StyleLoss(row(1, 1)); FeatureLoss value = loss.evaluate(row(2, 0))) {
            assertThat(value.value()).isCloseTo(1, within(1e-12));
            assertThat(value.gradient().ravel().toDoubleVector()).containsExactly(new double[] {4, 0}, within(1e-12));
        }
    }

    /* The Gram matrix ignores where a pattern is: a shifted copy of the style has no style loss. */
    @Test
    void ignoresWherePatternsAre() {
        try (StyleLoss loss = new StyleLoss(row(1, 2, 3, 4)); FeatureLoss value = loss.evaluate(row(4, 3, 2, 1))) {
            assertThat(value.value()).isCloseTo(0, within(1e-12));
        }
    }

    /* Generated activations may cover another area than the style's: the normalization makes them comparable. */
    @Test
    void comparesActivationsOfDifferentSizes() {
        try (StyleLoss loss = new StyleLoss(row(1, 1)); FeatureLoss value = loss.evaluate(row(1, 1, 1, 1))) {
            assertThat(value.value()).isCloseTo(0, within(1e-12));
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        INDArray style = Nd4j.rand(DataType.DOUBLE, 1, 3, 4, 5);
        INDArray features = Nd4j.rand(DataType.DOUBLE, 1, 3, 3, 3).subi(0.2);
        double step = 1e-6;
        try (StyleLoss loss = new StyleLoss(style); FeatureLoss value = loss.evaluate(features)) {
            for (long[] at : new long[][] {{0, 0, 0, 0}, {0, 1, 2, 1}, {0, 2, 1, 2}}) {
                INDArray up = features.dup();
                up.putScalar(at, features.getDouble(at) + step);
                INDArray down = features.dup();
                down.putScalar(at, features.getDouble(at) - step);
                double numeric = (loss.evaluate(up).value() - loss.evaluate(down).value()) / (2 * step);
                assertThat(value.gradient().getDouble(at)).isCloseTo(numeric, within(1e-7));
            }
        }
    }

    @Test
    void rejectsAnAllZeroStyleAndAnotherChannelCount() {
        assertThatThrownBy(() -> new StyleLoss(row(0, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no activation");
        try (StyleLoss loss = new StyleLoss(row(1, 1))) {
            assertThatThrownBy(() -> loss.evaluate(Nd4j.ones(1, 2, 1, 2)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 channels");
        }
    }

    private static INDArray row(double... values) {
        return Nd4j.create(values, new long[] {1, 1, 1, values.length}, 'c');
    }
}
