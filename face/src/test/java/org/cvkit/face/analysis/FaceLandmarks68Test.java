package org.cvkit.face.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;
import java.util.List;
import org.cvkit.core.geometry.Keypoint;
import org.junit.jupiter.api.Test;

class FaceLandmarks68Test {

    /**
     * A 100 x 50 crop fills the 112 square as 112 x 56 with 28 rows of padding above and below. Output 0.5 is the
     * square's centre: crop (50, 25); output 0.25 is x 25 and y (28 - 28) / 56 = 0, the crop's top edge.
     */
    @Test
    void undoesTheCentredPaddingOfAWideCrop() {
        float[] output = new float[136];
        output[0] = 0.5f;
        output[1] = 0.5f;
        output[2] = 0.25f;
        output[3] = 0.25f;

        FaceLandmarks68 landmarks = FaceLandmarks68.fromNetOutput(output, new CropRect(200, 100, 100, 50), 200.4,
                100.7);

        assertPoint(landmarks.points().get(0), 250.4, 125.7);
        assertPoint(landmarks.points().get(1), 225.4, 100.7);
        assertPoint(landmarks.points().get(2), 200.4, 100.7 - 25);
    }

    /** A 40 x 80 crop: 56 x 112 with 28 columns of padding; output (0.75, 1) is x (84 - 28) / 56 = 1, y 1. */
    @Test
    void undoesTheCentredPaddingOfATallCrop() {
        float[] output = new float[136];
        output[0] = 0.75f;
        output[1] = 1f;

        FaceLandmarks68 landmarks = FaceLandmarks68.fromNetOutput(output, new CropRect(0, 0, 40, 80), 0, 0);

        assertPoint(landmarks.points().get(0), 40, 80);
        assertPoint(landmarks.points().get(1), -20, 0);
    }

    @Test
    void averagesTheEyesAndTheMouth() {
        Keypoint[] points = new Keypoint[68];
        for (int i = 0; i < 68; i++) {
            points[i] = new Keypoint(i, 2 * i, true);
        }
        FaceLandmarks68 landmarks = new FaceLandmarks68(List.of(points));

        assertPoint(landmarks.leftEyeCentre(), 38.5, 77);
        assertPoint(landmarks.rightEyeCentre(), 44.5, 89);
        assertPoint(landmarks.mouthCentre(), 57.5, 115);
    }

    @Test
    void rejectsAnotherNumberOfOutputsOrPoints() {
        CropRect crop = new CropRect(0, 0, 10, 10);
        assertThatThrownBy(() -> FaceLandmarks68.fromNetOutput(new float[10], crop, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("136").hasMessageContaining("10");
        assertThatThrownBy(() -> new FaceLandmarks68(Collections.nCopies(5, new Keypoint(0, 0, true))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("68 landmarks but 5");
    }

    @Test
    void rejectsAnEmptyCrop() {
        assertThatThrownBy(() -> FaceLandmarks68.fromNetOutput(new float[136], new CropRect(5, 5, 0, 10), 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }

    private static void assertPoint(Keypoint point, double x, double y) {
        assertThat(point.x()).isCloseTo(x, within(1e-4));
        assertThat(point.y()).isCloseTo(y, within(1e-4));
    }
}
