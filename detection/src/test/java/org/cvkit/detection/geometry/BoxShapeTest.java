package org.cvkit.detection.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cvkit.core.geometry.Box;
import org.junit.jupiter.api.Test;

class BoxShapeTest {

    @Test
    void takesTheWidthAndHeightOfABox() {
        BoxShape shape = BoxShape.of(new Box(10, 20, 13, 30));

        assertThat(shape).isEqualTo(new BoxShape(3, 10));
        assertThat(shape.area()).isEqualTo(30);
    }

    @Test
    void rejectsEmptyNegativeAndInfiniteSides() {
        assertThatThrownBy(() -> BoxShape.of(new Box(1, 1, 1, 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("degenerate");
        assertThatThrownBy(() -> new BoxShape(-1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BoxShape(1, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BoxShape(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
