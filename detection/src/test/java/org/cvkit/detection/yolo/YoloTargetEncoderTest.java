package org.cvkit.detection.yolo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.cvkit.core.geometry.Box;
import org.cvkit.detection.geometry.BoxShape;
import org.cvkit.detection.geometry.GroundTruth;
import org.junit.jupiter.api.Test;

class YoloTargetEncoderTest {

    private static final double EXACT = 1e-12;
    private static final int PEDESTRIAN = 0;
    private static final int CAR = 1;

    /** The course's two anchors, in cells: a tall one (pedestrian-like) and a wide one (car-like). */
    private static final List<BoxShape> ANCHORS = List.of(new BoxShape(0.6, 1.6), new BoxShape(2.0, 0.9));
    private static final YoloTargetEncoder COURSE = new YoloTargetEncoder(3, ANCHORS, 3);

    /** The course's car: midpoint at (0.7, 0.7) of the cell in row 2, column 1; 0.8 cells high, 1.9 wide. */
    private static final GroundTruth COURSE_CAR =
            new GroundTruth(Box.fromCentre((1 + 0.7) / 3, (2 + 0.7) / 3, 1.9 / 3, 0.8 / 3), CAR);

    @Test
    void courseLabelExampleIsAThreeByThreeByTwoByEightTensor() {
        YoloTarget target = COURSE.encode(List.of(COURSE_CAR));

        assertThat(target.tensor().shape()).containsExactly(3, 3, 2, 8);
        // IoU with the tall anchor 0.48 / 2.0 = 0.24, with the wide one 1.52 / 1.8 = 0.84: the car takes anchor 2.
        assertThat(target.vector(2, 1, 1)).containsExactly(new double[] {1, 0.7, 0.7, 0.8, 1.9, 0, 1, 0},
                within(EXACT));
        assertThat(target.vector(2, 1, 0)).containsOnly(0.0);
        assertThat(target.vector(0, 0, 1)).containsOnly(0.0);
        // Every other cell is empty (pc = 0): the tensor holds only the car's numbers.
        assertThat(target.tensor().sumNumber().doubleValue()).isCloseTo(1 + 0.7 + 0.7 + 0.8 + 1.9 + 1, within(1e-9));
        assertThat(target.unassigned()).isEmpty();
    }

    @Test
    void aPedestrianAndACarInOneCellTakeTheTwoAnchors() {
        GroundTruth pedestrian = new GroundTruth(Box.fromCentre((1 + 0.5) / 3, (2 + 0.4) / 3, 0.5 / 3, 1.5 / 3),
                PEDESTRIAN);

        YoloTarget target = COURSE.encode(List.of(COURSE_CAR, pedestrian));

        assertThat(target.vector(2, 1, 0)).containsExactly(new double[] {1, 0.5, 0.4, 1.5, 0.5, 1, 0, 0},
                within(EXACT));
        assertThat(target.vector(2, 1, 1)[0]).isEqualTo(1);
        assertThat(target.unassigned()).isEmpty();
    }

    @Test
    void aSecondObjectInATakenSlotIsReportedUnassigned() {
        GroundTruth secondCar = new GroundTruth(Box.fromCentre((1 + 0.2) / 3, (2 + 0.3) / 3, 2.1 / 3, 0.7 / 3), CAR);

        YoloTarget target = COURSE.encode(List.of(COURSE_CAR, secondCar));

        assertThat(target.vector(2, 1, 1)[1]).isCloseTo(0.7, within(EXACT));
        assertThat(target.unassigned()).containsExactly(secondCar);
    }

    @Test
    void midpointsOnACellBorderBelongToTheCellAfterItAndTheLastCellKeepsTheEdge() {
        YoloTargetEncoder encoder = new YoloTargetEncoder(2, List.of(new BoxShape(1, 1)), 1);

        YoloTarget target = encoder.encode(List.of(new GroundTruth(new Box(0.25, 0.25, 0.75, 0.75), 0),
                new GroundTruth(new Box(0.875, 0.875, 1.125, 1.125), 0)));

        assertThat(target.vector(1, 1, 0)).containsExactly(1, 0, 0, 1, 1, 1);
        assertThat(target.unassigned()).hasSize(1);
        YoloTarget edge = encoder.encode(List.of(new GroundTruth(new Box(0.875, 0.875, 1.125, 1.125), 0)));
        assertThat(edge.vector(1, 1, 0)).containsExactly(1, 1, 1, 0.5, 0.5, 1);
    }

    @Test
    void noObjectsGiveAnAllZeroTarget() {
        YoloTarget target = COURSE.encode(List.of());

        assertThat(target.tensor().shape()).containsExactly(3, 3, 2, 8);
        assertThat(target.tensor().sumNumber().doubleValue()).isZero();
    }

    @Test
    void rejectsBadObjectsAndSettings() {
        assertThatThrownBy(() -> COURSE.encode(List.of(new GroundTruth(new Box(0.8, 0.8, 1.4, 1.4), CAR))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("midpoint");
        assertThatThrownBy(() -> COURSE.encode(List.of(new GroundTruth(new Box(0.5, 0.5, 0.5, 0.7), CAR))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("degenerate");
        assertThatThrownBy(() -> COURSE.encode(List.of(new GroundTruth(new Box(0.1, 0.1, 0.2, 0.2), 3))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 3)");
        assertThatThrownBy(() -> new YoloTargetEncoder(0, ANCHORS, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grid size");
        assertThatThrownBy(() -> new YoloTargetEncoder(3, List.of(), 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one anchor");
        assertThatThrownBy(() -> new YoloTargetEncoder(3, ANCHORS, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("number of classes");
    }
}
