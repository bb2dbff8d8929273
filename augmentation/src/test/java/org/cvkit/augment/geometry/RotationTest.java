package org.cvkit.augment.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.cvkit.augment.LabeledBox;
import org.cvkit.augment.Range;
import org.cvkit.augment.Sample;
import org.cvkit.augment.TestImages;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.core.geometry.Keypoint;
import org.junit.jupiter.api.Test;

class RotationTest {

    private static final List<LabeledBox> BOXES = List.of(new LabeledBox(new Box(10, 5, 30, 20), "cat"));

    @Test
    void ninetyDegreesWithExpandTurnsTheCanvasAndTheBox() {
        // Counter-clockwise quarter turn of a 100x50 image: (x, y) -> (y, 100 - x), the result is 50x100.
        Rotation turn = new Rotation(Range.fixed(90), true, BorderMode.CONSTANT);
        try (Sample input = Sample.of(TestImages.noise(100, 50, 3, 1), BOXES, List.of(new Keypoint(0.5, 0.5, true)));
             Sample output = turn.apply(input, new SplittableRandom(0))) {
            assertThat(output.size()).isEqualTo(new ImageSize(50, 100));
            assertThat(output.boxes()).containsExactly(new LabeledBox(new Box(5, 70, 20, 90), "cat"));
            assertThat(output.keypoints()).containsExactly(new Keypoint(0.5, 99.5, true));
            // The top-left pixel ends bottom-left, the top-right pixel top-left.
            assertThat(TestImages.level(output.image(), 0, 99, 1)).isEqualTo(TestImages.level(input.image(), 0, 0, 1));
            assertThat(TestImages.level(output.image(), 0, 0, 1)).isEqualTo(TestImages.level(input.image(), 99, 0, 1));
        }
    }

    @Test
    void quarterTurnFastPathsDrawWhatTheGeneralWarpDraws() {
        for (double degrees : new double[] {90, 180, -90, 270, 0}) {
            Rotation turn = new Rotation(Range.fixed(degrees), true, BorderMode.CONSTANT);
            try (Sample input = Sample.of(TestImages.noise(31, 17, 3, 2))) {
                Warp fast = turn.plan(input.size(), new SplittableRandom(0));
                Warp general = Warp.general(fast.matrix(), fast.outputSize(), BorderMode.CONSTANT);
                try (Sample viaRotate = fast.apply(input); Sample viaWarp = general.apply(input)) {
                    assertThat(TestImages.bytes(viaRotate.image())).as("%s degrees", degrees)
                            .isEqualTo(TestImages.bytes(viaWarp.image()));
                }
            }
        }
    }

    @Test
    void keepingTheSizeOfANonSquareImageCutsTheCorners() {
        try (Sample input = Sample.of(TestImages.filled(100, 50, 1, 200));
             Sample output = Rotation.by(90).apply(input, new SplittableRandom(0))) {
            assertThat(output.size()).isEqualTo(new ImageSize(100, 50));
            assertThat(TestImages.level(output.image(), 50, 25, 0)).isEqualTo(200);
            assertThat(TestImages.level(output.image(), 5, 25, 0)).isZero();
        }
    }

    @Test
    void expandedCanvasHoldsTheWholeRotatedImage() {
        // |W cos| + |H sin| by |W sin| + |H cos| for 30 degrees: 100*0.866 + 50*0.5 = 111.6 and 50 + 43.3 = 93.3.
        Rotation turn = new Rotation(Range.fixed(30), true, BorderMode.CONSTANT);
        Warp warp = turn.plan(new ImageSize(100, 50), new SplittableRandom(0));
        assertThat(warp.outputSize()).isEqualTo(new ImageSize(112, 94));
        assertThat(warp.map(new Box(0, 0, 100, 50), 1)).isPresent();
    }

    @Test
    void rotatedBoxIsTheTightEnclosureOfTheRotatedCorners() {
        double degrees = 30;
        Box box = new Box(40, 30, 70, 45);
        try (Sample input = Sample.of(TestImages.filled(120, 90, 3, 0), List.of(new LabeledBox(box, "b")), List.of());
             Sample output = Rotation.by(degrees).apply(input, new SplittableRandom(0))) {
            Box rotated = output.boxes().get(0).box();
            double cos = Math.cos(Math.toRadians(degrees));
            double sin = Math.sin(Math.toRadians(degrees));
            double minX = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (double[] corner : new double[][] {{40, 30}, {70, 30}, {40, 45}, {70, 45}}) {
                // OpenCV's convention: x' = cx + cos (x - cx) + sin (y - cy), y' = cy - sin (x - cx) + cos (y - cy).
                double x = 60 + cos * (corner[0] - 60) + sin * (corner[1] - 45);
                double y = 45 - sin * (corner[0] - 60) + cos * (corner[1] - 45);
                assertThat(x).isBetween(rotated.x1() - 1e-9, rotated.x2() + 1e-9);
                assertThat(y).isBetween(rotated.y1() - 1e-9, rotated.y2() + 1e-9);
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
            assertThat(rotated.x1()).isCloseTo(minX, within(1e-9));
            assertThat(rotated.x2()).isCloseTo(maxX, within(1e-9));
            assertThat(rotated.y1()).isCloseTo(minY, within(1e-9));
            assertThat(rotated.y2()).isCloseTo(maxY, within(1e-9));
        }
    }

    @Test
    void pixelsFollowTheMatrix() {
        GeometryChecks.assertPixelsFollowBoxes(new Rotation(Range.symmetric(40), false, BorderMode.CONSTANT), 0.3);
        GeometryChecks.assertPixelsFollowBoxes(new Rotation(Range.symmetric(40), true, BorderMode.REFLECT), 0.3);
    }
}
