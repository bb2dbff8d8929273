package org.cvkit.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RangeTest {

    @Test
    void drawsWithinTheRangeAndAFixedRangeDrawsNothing() {
        SplittableRandom random = new SplittableRandom(1);
        Range range = new Range(2, 3);
        for (int i = 0; i < 1000; i++) {
            assertThat(range.sample(random)).isBetween(2.0, 3.0);
        }
        SplittableRandom untouched = new SplittableRandom(5);
        assertThat(Range.fixed(7).sample(untouched)).isEqualTo(7);
        assertThat(untouched.nextLong()).isEqualTo(new SplittableRandom(5).nextLong());
    }

    @Test
    void buildsSymmetricAndFactorRanges() {
        assertThat(Range.symmetric(15)).isEqualTo(new Range(-15, 15));
        assertThat(Range.aroundOne(0.25)).isEqualTo(new Range(0.75, 1.25));
    }

    @Test
    void rejectsBadEnds() {
        assertThatThrownBy(() -> new Range(2, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inside out");
        assertThatThrownBy(() -> new Range(0, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> Range.symmetric(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not negative");
        assertThatThrownBy(() -> new Range(-2, 1).requireWithin("x", -1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("x must lie within -1.0:1.0 but is -2.0:1.0");
        assertThatThrownBy(() -> new Range(0, 1).requireAbove("x", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("x must be above 0.0 but is 0.0:1.0");
    }
}
