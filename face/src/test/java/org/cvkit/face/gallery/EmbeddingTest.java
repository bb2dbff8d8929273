package org.cvkit.face.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class EmbeddingTest {

    @Test
    void copiesTheValuesInAndOut() {
        float[] values = {1, 2, 3};
        Embedding embedding = Embedding.of(values);
        values[0] = 99;
        embedding.toArray()[1] = 99;

        assertThat(embedding.toArray()).containsExactly(1, 2, 3);
        assertThat(embedding.dimension()).isEqualTo(3);
        assertThat(embedding.get(2)).isEqualTo(3);
    }

    @Test
    void equalityComparesTheValues() {
        assertThat(Embedding.of(1, 2)).isEqualTo(Embedding.of(1, 2)).hasSameHashCodeAs(Embedding.of(1, 2));
        assertThat(Embedding.of(1, 2)).isNotEqualTo(Embedding.of(1, 3)).isNotEqualTo(Embedding.of(1, 2, 0));
    }

    @Test
    void toStringShowsNoBiometricValues() {
        assertThat(Embedding.of(0.125f, 0.5f)).hasToString("Embedding[2-d]");
    }

    @Test
    void theMeanIsTakenPerValue() {
        assertThat(Embedding.mean(List.of(Embedding.of(0, 4), Embedding.of(2, 0), Embedding.of(1, 2))))
                .isEqualTo(Embedding.of(1, 2));
    }

    @Test
    void rejectsEmptyAndNonFiniteVectors() {
        assertThatThrownBy(() -> Embedding.of()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one value");
        assertThatThrownBy(() -> Embedding.of((float[]) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one value");
        assertThatThrownBy(() -> Embedding.of(0, Float.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("value 1 is NaN");
        assertThatThrownBy(() -> Embedding.of(Float.NEGATIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("value 0 is -Infinity");
    }
}
