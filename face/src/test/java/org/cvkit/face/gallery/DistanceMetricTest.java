package org.cvkit.face.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DistanceMetricTest {

    /** (1, 2, 3) - (4, 6, 3) = (-3, -4, 0): a 3-4-5 triangle. */
    private static final Embedding A = Embedding.of(1, 2, 3);
    private static final Embedding B = Embedding.of(4, 6, 3);

    @Test
    void euclideanIsTheLengthOfTheDifference() {
        assertThat(DistanceMetric.EUCLIDEAN.distance(A, B)).isEqualTo(5.0);
    }

    @Test
    void squaredEuclideanIsTheCoursesDistance() {
        assertThat(DistanceMetric.SQUARED_EUCLIDEAN.distance(A, B)).isEqualTo(25.0);
    }

    @Test
    void anEmbeddingIsAtDistanceZeroFromItself() {
        for (DistanceMetric metric : DistanceMetric.values()) {
            assertThat(metric.distance(A, A)).isZero();
        }
    }

    @Test
    void differencesAreTakenInDoublePrecision() {
        // 3e38f - (-3e38f) overflows float to infinity but is an ordinary double
        double expected = 2 * (double) 3e38f;
        assertThat(DistanceMetric.EUCLIDEAN.distance(Embedding.of(3e38f), Embedding.of(-3e38f))).isEqualTo(expected);
    }

    @Test
    void rejectsEmbeddingsOfDifferentDimensions() {
        assertThatThrownBy(() -> DistanceMetric.EUCLIDEAN.distance(A, Embedding.of(1, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3-d embedding with a 2-d one");
    }
}
