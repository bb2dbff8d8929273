package org.cvkit.style;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cvkit.core.geometry.ImageSize;
import org.junit.jupiter.api.Test;

class ScalePlanTest {

    @Test
    void halvesTheSizeAndSharesTheIterations() {
        ScalePlan plan = ScalePlan.of(new ImageSize(640, 480), 512, 3, 100, 32);

        assertThat(plan.longestSides()).containsExactly(128, 256, 512);
        assertThat(plan.iterations()).containsExactly(33, 33, 34);
    }

    @Test
    void oneScaleIsTheOutputSize() {
        ScalePlan plan = ScalePlan.of(new ImageSize(100, 300), 200, 1, 7, 32);

        assertThat(plan.longestSides()).containsExactly(200);
        assertThat(plan.iterations()).containsExactly(7);
    }

    /* 256 halved twice is 64 long; a 4:1 panorama is then 16 wide, under the network's 32. */
    @Test
    void rejectsACoarsestScaleTooSmallForTheNetwork() {
        assertThatThrownBy(() -> ScalePlan.of(new ImageSize(400, 100), 256, 3, 30, 32))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64 pixels long and 16 wide")
                .hasMessageContaining("fewer scales");
    }

    @Test
    void rejectsFewerIterationsThanScales() {
        assertThatThrownBy(() -> ScalePlan.of(new ImageSize(100, 100), 256, 3, 2, 32))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 iterations");
        assertThatThrownBy(() -> ScalePlan.of(new ImageSize(100, 100), 256, 0, 2, 32))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }
}
