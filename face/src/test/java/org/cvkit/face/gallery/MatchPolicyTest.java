package org.cvkit.face.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MatchPolicyTest {

    @Test
    void faceApisPolicyIsEuclideanAtZeroPointSix() {
        assertThat(MatchPolicy.faceApi()).isEqualTo(
                new MatchPolicy(DistanceMetric.EUCLIDEAN, 0.6, PersonDistance.NEAREST_EMBEDDING));
    }

    @Test
    void acceptsDistancesUpToAndIncludingTheThreshold() {
        MatchPolicy policy = MatchPolicy.faceApi();
        assertThat(policy.accepts(0.6)).isTrue();
        assertThat(policy.accepts(Math.nextUp(0.6))).isFalse();
        assertThat(policy.withThreshold(0.7).accepts(0.65)).isTrue();
        assertThat(policy.withThreshold(0.7).metric()).isEqualTo(DistanceMetric.EUCLIDEAN);
    }

    @Test
    void rejectsThresholdsThatAreNotDistances() {
        for (double bad : new double[] {-0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> MatchPolicy.faceApi().withThreshold(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("finite distance >= 0 but is " + bad);
        }
    }

    @Test
    void anEmbeddingSpaceNeedsANameAndAPositiveDimension() {
        assertThatThrownBy(() -> new EmbeddingSpace(" ", 128)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("encoder needs a name");
        assertThatThrownBy(() -> new EmbeddingSpace("face-api", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1 but is 0");
    }
}
