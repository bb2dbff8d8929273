package org.cvkit.detection.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.cvkit.core.geometry.Box;
import org.junit.jupiter.api.Test;

class IouTest {

    private static final double EXACT = 1e-15;

    @Test
    void identicalBoxesOverlapFully() {
        Box box = new Box(3, 4, 10, 20);
        assertThat(Iou.of(box, box)).isEqualTo(1.0);
    }

    @Test
    void partialOverlapIsIntersectionOverUnion() {
        // Intersection is the unit square (1,1)-(2,2); union = 4 + 4 - 1 = 7.
        assertThat(Iou.of(new Box(0, 0, 2, 2), new Box(1, 1, 3, 3))).isCloseTo(1.0 / 7, within(EXACT));
    }

    @Test
    void halfOverlapIsTheCoursesCorrectnessThreshold() {
        // The 2x2 box covers half of the 4x2 box: intersection 4, union 8.
        assertThat(Iou.of(new Box(0, 0, 4, 2), new Box(0, 0, 2, 2))).isEqualTo(0.5);
    }

    @Test
    void containedBoxGivesTheRatioOfAreas() {
        assertThat(Iou.of(new Box(0, 0, 4, 4), new Box(1, 1, 3, 3))).isEqualTo(0.25);
    }

    @Test
    void isSymmetric() {
        Box a = new Box(0.1, 0.2, 0.7, 0.9);
        Box b = new Box(0.3, 0.1, 0.8, 0.6);
        assertThat(Iou.of(a, b)).isEqualTo(Iou.of(b, a));
    }

    @Test
    void disjointTouchingAndEmptyBoxesDoNotOverlap() {
        assertThat(Iou.of(new Box(0, 0, 1, 1), new Box(5, 5, 6, 6))).isZero();
        assertThat(Iou.of(new Box(0, 0, 1, 1), new Box(1, 0, 2, 1))).isZero();
        assertThat(Iou.of(new Box(2, 2, 2, 2), new Box(2, 2, 2, 2))).isZero();
        assertThat(Iou.of(new Box(0, 0, 4, 4), new Box(1, 1, 1, 3))).isZero();
    }

    @Test
    void shapesAreComparedAtACommonCentre() {
        // 2x3 and 3x2 share a 2x2 square: 4 / (6 + 6 - 4).
        assertThat(Iou.of(new BoxShape(2, 3), new BoxShape(3, 2))).isEqualTo(0.5);
        assertThat(Iou.of(new BoxShape(9, 10), new BoxShape(10, 10))).isCloseTo(0.9, within(EXACT));
        assertThat(Iou.of(new BoxShape(5, 5), new BoxShape(5, 5))).isEqualTo(1.0);
    }

    @Test
    void matrixHoldsEveryPair() {
        List<Box> rows = List.of(new Box(0, 0, 2, 2), new Box(0, 0, 4, 2));
        List<Box> columns = List.of(new Box(1, 1, 3, 3), new Box(0, 0, 2, 2), new Box(10, 10, 11, 11));

        double[][] matrix = Iou.matrix(rows, columns);

        assertThat(matrix).hasDimensions(2, 3);
        assertThat(matrix[0]).containsExactly(new double[] {1.0 / 7, 1.0, 0.0}, within(EXACT));
        // (0,0,4,2) vs (1,1,3,3): intersection 2x1 = 2, union 8 + 4 - 2 = 10.
        assertThat(matrix[1]).containsExactly(new double[] {0.2, 0.5, 0.0}, within(EXACT));
    }

    @Test
    void matrixOfNoBoxesIsEmpty() {
        assertThat(Iou.matrix(List.of(), List.of(new Box(0, 0, 1, 1)))).isEmpty();
    }
}
