package org.cvkit.core.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeypointTest {

    private static final ImageSize SIZE = new ImageSize(4, 3);

    @Test
    void translateMovesAndKeepsVisibility() {
        assertThat(new Keypoint(1, 2, false).translate(3, -4)).isEqualTo(new Keypoint(4, -2, false));
        assertThat(new Keypoint(1, 2, true).translate(0.5, 0)).isEqualTo(new Keypoint(1.5, 2, true));
    }

    @Test
    void scaleIsAboutTheOriginAndKeepsVisibility() {
        assertThat(new Keypoint(2, 3, true).scale(0.5, 2)).isEqualTo(new Keypoint(1, 6, true));
    }

    @Test
    void insideMeansOnAPixelOfTheImage() {
        assertThat(new Keypoint(0, 0, true).isInside(SIZE)).isTrue();
        assertThat(new Keypoint(3.99, 2.99, true).isInside(SIZE)).isTrue();
        assertThat(new Keypoint(4, 1, true).isInside(SIZE)).isFalse();
        assertThat(new Keypoint(1, 3, true).isInside(SIZE)).isFalse();
        assertThat(new Keypoint(-0.01, 1, true).isInside(SIZE)).isFalse();
        assertThat(new Keypoint(1, -0.01, true).isInside(SIZE)).isFalse();
    }

    @Test
    void hiddenPointsCanStillBeInside() {
        assertThat(new Keypoint(1, 1, false).isInside(SIZE)).isTrue();
    }

    @Test
    void rejectsNonFiniteCoordinates() {
        assertThatThrownBy(() -> new Keypoint(Double.NaN, 0, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x");
        assertThatThrownBy(() -> new Keypoint(0, Double.NEGATIVE_INFINITY, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("y");
    }

    @Test
    void rejectsNonPositiveScale() {
        assertThatThrownBy(() -> new Keypoint(1, 1, true).scale(0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }
}
