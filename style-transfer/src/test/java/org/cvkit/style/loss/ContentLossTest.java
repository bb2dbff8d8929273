package org.cvkit.style.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ContentLossTest {

    /* P = (1, 2), F = (2, 0): ||F - P||^2 = 1 + 4 = 5, ||P||^2 = 5, so J = 1; dJ/dF = 2 (F - P) / 5 = (0.4, -0.8). */
    @Test
    void isTheSquaredDistanceRelativeToTheTarget() {
        try (ContentLoss loss = new ContentLoss(features(1, 2)); FeatureLoss value = loss.evaluate(features(2, 0))) {
            assertThat(value.value()).isCloseTo(1, within(1e-12));
            assertThat(value.gradient().ravel().toDoubleVector()).containsExactly(new double[] {0.4, -0.8}, within(1e-12));
        }
    }

    @Test
    void isZeroAtTheTarget() {
        try (ContentLoss loss = new ContentLoss(features(3, -1)); FeatureLoss value = loss.evaluate(features(3, -1))) {
            assertThat(value.value()).isZero();
        }
    }

    @Test
    void keepsItsOwnCopyOfTheTarget() {
        INDArray target = features(1, 2);
        try (ContentLoss loss = new ContentLoss(target)) {
            target.assign(0);
            assertThat(loss.evaluate(features(1, 2)).value()).isZero();
        }
    }

    @Test
    void rejectsAnAllZeroTargetAndOtherShapes() {
        assertThatThrownBy(() -> new ContentLoss(features(0, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no activation");
        try (ContentLoss loss = new ContentLoss(features(1, 2))) {
            assertThatThrownBy(() -> loss.evaluate(Nd4j.zeros(1, 2, 2, 1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[1, 2, 2, 1]");
        }
    }

    private static INDArray features(double first, double second) {
        return Nd4j.create(new double[] {first, second}, new long[] {1, 2, 1, 1}, 'c');
    }
}
