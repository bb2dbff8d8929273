package org.cvkit.augment.geometry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cvkit.augment.LabeledBox;
import org.cvkit.augment.Sample;
import org.cvkit.augment.TestImages;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.core.geometry.Keypoint;
import org.junit.jupiter.api.Test;

class WarpTest {

    private static final ImageSize SIZE = new ImageSize(100, 100);
    private static final Warp SHIFT_LEFT_50 = Warp.general(Homography.translation(-50, 0), SIZE, BorderMode.CONSTANT);

    @Test
    void clipsBoxesAndDropsThemBelowTheVisibilityThreshold() {
        Box halfOut = new Box(40, 0, 60, 10);
        assertThat(SHIFT_LEFT_50.map(halfOut, 0.5)).contains(new Box(0, 0, 10, 10));
        assertThat(SHIFT_LEFT_50.map(halfOut, 0.51)).isEmpty();
        assertThat(SHIFT_LEFT_50.map(new Box(0, 0, 50, 10), 0)).isEmpty();
        assertThat(SHIFT_LEFT_50.map(new Box(60, 20, 70, 30), 1)).contains(new Box(10, 20, 20, 30));
    }

    @Test
    void marksKeypointsThatLeaveTheImageAndKeepsTheirOrder() {
        assertThat(SHIFT_LEFT_50.map(new Keypoint(70, 5, true))).isEqualTo(new Keypoint(20, 5, true));
        assertThat(SHIFT_LEFT_50.map(new Keypoint(20, 5, true))).isEqualTo(new Keypoint(-30, 5, false));
    }

    @Test
    void pointsBeyondTheHorizonAreDroppedOrHidden() {
        Warp tilt = Warp.general(Homography.of(1, 0, 0, 0, 1, 0, -0.01, 0, 1), SIZE, BorderMode.CONSTANT);
        assertThat(tilt.map(new Box(90, 0, 150, 10), 0)).isEmpty();
        assertThat(tilt.map(new Keypoint(150, 5, true))).isEqualTo(new Keypoint(150, 5, false));
    }

    @Test
    void applyMovesEverythingAndRecordsTheGeometry() {
        List<LabeledBox> boxes = List.of(new LabeledBox(new Box(60, 20, 70, 30), "a"),
                new LabeledBox(new Box(0, 0, 10, 10), "gone"));
        try (Sample input = new Sample(TestImages.noise(100, 100, 3, 1), boxes,
                List.of(new Keypoint(55, 5, true), new Keypoint(5, 5, true)), Homography.translation(1, 0), 0.25);
             Sample output = SHIFT_LEFT_50.apply(input)) {
            assertThat(output.boxes()).containsExactly(new LabeledBox(new Box(10, 20, 20, 30), "a"));
            assertThat(output.keypoints()).containsExactly(new Keypoint(5, 5, true), new Keypoint(-45, 5, false));
            assertThat(output.geometry()).isEqualTo(Homography.translation(-49, 0));
            // Pixel (50 + x, y) of the input is pixel (x, y) of the output; the right half is black.
            assertThat(TestImages.level(output.image(), 7, 9, 2)).isEqualTo(TestImages.level(input.image(), 57, 9, 2));
            assertThat(TestImages.level(output.image(), 70, 9, 0)).isZero();
        }
    }
}
