package org.cvkit.augment.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.cvkit.core.geometry.Keypoint;
import org.junit.jupiter.api.Test;

class HomographyTest {

    @Test
    void composesInTheOrderGiven() {
        Homography shiftThenDouble = Homography.translation(1, 2).then(Homography.scaling(2, 2));
        assertThat(shiftThenDouble.map(new Keypoint(3, 4, true))).isEqualTo(new Keypoint(8, 12, true));
        Homography doubleThenShift = Homography.scaling(2, 2).then(Homography.translation(1, 2));
        assertThat(doubleThenShift.map(new Keypoint(3, 4, true))).isEqualTo(new Keypoint(7, 10, true));
    }

    @Test
    void quarterTurnsAreExact() {
        // Counter-clockwise on screen about (5, 5): the right-hand point (10, 5) goes to the top (5, 0).
        Homography turn = Homography.rotation(90, 5, 5);
        assertThat(turn.map(new Keypoint(10, 5, false))).isEqualTo(new Keypoint(5, 0, false));
        assertThat(Homography.rotation(-90, 5, 5).map(new Keypoint(10, 5, true))).isEqualTo(new Keypoint(5, 10, true));
        assertThat(Homography.rotation(180, 5, 5).map(new Keypoint(10, 5, true))).isEqualTo(new Keypoint(0, 5, true));
        assertThat(Homography.rotation(450, 5, 5)).isEqualTo(turn);
    }

    @Test
    void rotationMatchesOpenCvsMatrix() {
        // getRotationMatrix2D(centre, 30, 1) = [a b (1-a)cx - b cy; -b a b cx + (1-a) cy], a = cos 30, b = sin 30.
        double a = Math.sqrt(3) / 2;
        double b = 0.5;
        double[] expected = {a, b, (1 - a) * 4 - b * 6, -b, a, b * 4 + (1 - a) * 6, 0, 0, 1};
        assertThat(Homography.rotation(30, 4, 6).toArray()).containsExactly(expected, within(1e-12));
    }

    @Test
    void inverseUndoesAPerspectiveMap() {
        Homography map = Homography.of(1.2, 0.1, 3, -0.2, 0.9, 5, 0.001, 0.002, 1);
        Keypoint point = new Keypoint(17, 23, true);
        Keypoint back = map.inverse().map(map.map(point));
        assertThat(back.x()).isCloseTo(17, within(1e-9));
        assertThat(back.y()).isCloseTo(23, within(1e-9));
        assertThat(map.isAffine()).isFalse();
        assertThat(Homography.translation(1, 1).isAffine()).isTrue();
    }

    @Test
    void pointsBeyondTheHorizonAreRefused() {
        Homography map = Homography.of(1, 0, 0, 0, 1, 0, -0.1, 0, 1);
        assertThat(map.keepsInFront(5, 0)).isTrue();
        assertThat(map.keepsInFront(10, 0)).isFalse();
        assertThatThrownBy(() -> map.map(new Keypoint(20, 0, true))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("horizon");
    }

    @Test
    void rejectsSingularOrMalformedMatrices() {
        assertThatThrownBy(() -> Homography.scaling(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("singular");
        assertThatThrownBy(() -> Homography.of(1, 2, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("9 entries");
        assertThatThrownBy(() -> Homography.translation(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finite");
    }
}
