package org.cvkit.core.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BoxTest {

    private static final ImageSize VGA = new ImageSize(640, 480);

    @Test
    void centreFormBecomesCorners() {
        assertThat(Box.fromCentre(10, 20, 4, 6)).isEqualTo(Box.fromCorners(8, 17, 12, 23));
    }

    @Test
    void measuresCentreWidthHeightAndArea() {
        Box box = Box.fromCorners(8, 17, 12, 23);
        assertThat(box.centreX()).isEqualTo(10);
        assertThat(box.centreY()).isEqualTo(20);
        assertThat(box.width()).isEqualTo(4);
        assertThat(box.height()).isEqualTo(6);
        assertThat(box.area()).isEqualTo(24);
    }

    @Test
    void intersectionIsTheSharedArea() {
        Box box = Box.fromCorners(0, 0, 4, 4);
        assertThat(box.intersection(Box.fromCorners(2, 2, 6, 6))).isEqualTo(4);
        assertThat(box.intersection(Box.fromCorners(1, -1, 3, 10))).isEqualTo(8);
        assertThat(box.intersection(Box.fromCorners(1, 1, 2, 2))).isEqualTo(1);
        assertThat(Box.fromCorners(2, 2, 6, 6).intersection(box)).isEqualTo(4);
    }

    @Test
    void disjointOrTouchingBoxesShareNothing() {
        Box box = Box.fromCorners(0, 0, 4, 4);
        assertThat(box.intersection(Box.fromCorners(4, 0, 8, 4))).isZero();
        assertThat(box.intersection(Box.fromCorners(5, 5, 8, 8))).isZero();
        assertThat(box.intersection(Box.fromCorners(0, 10, 4, 12))).isZero();
    }

    @Test
    void clipKeepsTheBoxInsideTheImage() {
        ImageSize size = new ImageSize(10, 10);
        assertThat(Box.fromCorners(-5, 2, 15, 8).clip(size)).isEqualTo(Box.fromCorners(0, 2, 10, 8));
        assertThat(Box.fromCorners(1, 1, 3, 3).clip(size)).isEqualTo(Box.fromCorners(1, 1, 3, 3));
        assertThat(Box.fromCorners(12, 12, 20, 20).clip(size)).isEqualTo(Box.fromCorners(10, 10, 10, 10));
    }

    @Test
    void normalizedCoordinatesRunFromZeroTopLeftToOneBottomRight() {
        assertThat(Box.fromCorners(0, 0, 640, 480).toNormalized(VGA)).isEqualTo(Box.fromCorners(0, 0, 1, 1));
        assertThat(Box.fromCorners(64, 48, 320, 240).toNormalized(VGA))
                .isEqualTo(Box.fromCorners(0.1, 0.1, 0.5, 0.5));
        assertThat(Box.fromCorners(0.25, 0.5, 0.75, 1).toPixels(VGA)).isEqualTo(Box.fromCorners(160, 240, 480, 480));
    }

    @Test
    void translateMovesBothCorners() {
        assertThat(Box.fromCorners(1, 2, 3, 4).translate(10, -2)).isEqualTo(Box.fromCorners(11, 0, 13, 2));
    }

    @Test
    void scaleIsAboutTheOrigin() {
        assertThat(Box.fromCorners(1, 2, 3, 4).scale(2, 0.5)).isEqualTo(Box.fromCorners(2, 1, 6, 2));
    }

    @Test
    void emptyBoxesAreAllowed() {
        assertThat(Box.fromCentre(5, 5, 0, 0).area()).isZero();
    }

    @Test
    void rejectsCornersOutOfOrder() {
        assertThatThrownBy(() -> Box.fromCorners(5, 0, 3, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of order");
        assertThatThrownBy(() -> Box.fromCorners(0, 5, 3, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of order");
    }

    @Test
    void rejectsNonFiniteCoordinates() {
        assertThatThrownBy(() -> Box.fromCorners(Double.NaN, 0, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x1");
        assertThatThrownBy(() -> Box.fromCorners(0, 0, 1, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("y2");
        assertThatThrownBy(() -> Box.fromCentre(0, 0, Double.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("width");
    }

    @Test
    void rejectsNegativeSize() {
        assertThatThrownBy(() -> Box.fromCentre(0, 0, -1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }

    @Test
    void rejectsNonPositiveScale() {
        Box box = Box.fromCorners(1, 2, 3, 4);
        assertThatThrownBy(() -> box.scale(-1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("flip");
        assertThatThrownBy(() -> box.scale(1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> box.scale(Double.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }
}
