package org.cvkit.style.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LossWeightsTest {

    @Test
    void combinesTheWeightedTerms() {
        LossValues values = new LossWeights(2, 10, 0.5).combine(0.25, 0.125, 4);

        assertThat(values).isEqualTo(new LossValues(0.25, 0.125, 4, 2 * 0.25 + 10 * 0.125 + 0.5 * 4));
    }

    @Test
    void rejectsNegativeOrInfiniteWeightsAndNothingToTransfer() {
        assertThatThrownBy(() -> new LossWeights(-1, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("content weight");
        assertThatThrownBy(() -> new LossWeights(1, Double.POSITIVE_INFINITY, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("style weight");
        assertThatThrownBy(() -> new LossWeights(1, 1, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("total-variation weight");
        assertThatThrownBy(() -> new LossWeights(0, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both 0");
    }
}
