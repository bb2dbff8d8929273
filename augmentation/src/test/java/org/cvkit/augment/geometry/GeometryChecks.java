package org.cvkit.augment.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.cvkit.augment.LabeledBox;
import org.cvkit.augment.Sample;
import org.cvkit.augment.TestImages;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.Keypoint;

/** Checks that a geometric transform moves pixels where it moves boxes and keypoints. */
final class GeometryChecks {

    private GeometryChecks() {
    }

    /**
     * Warps a black 120x90 image holding one white 16x12 square, over several seeds, and checks that the white
     * pixels' centroid lands where the transform sends the square's centre (as a keypoint), within
     * {@code tolerance} pixels, and inside the square's transformed box.
     */
    static void assertPixelsFollowBoxes(GeometricTransform transform, double tolerance) {
        Box square = new Box(52, 39, 68, 51);
        for (long seed = 0; seed < 5; seed++) {
            Mat image = TestImages.filled(120, 90, 1, 0);
            try (Rect region = new Rect(52, 39, 16, 12); Mat white = new Mat(image, region);
                 Scalar level = Scalar.all(255)) {
                white.put(level);
            }
            try (Sample input = Sample.of(image, List.of(new LabeledBox(square, "square")),
                    List.of(new Keypoint(60, 45, true)));
                 Sample output = transform.apply(input, new SplittableRandom(seed))) {
                double[] centroid = TestImages.centroid(output.image());
                Keypoint centre = output.keypoints().get(0);
                assertThat(centroid[0]).as("seed %d x", seed).isCloseTo(centre.x(), within(tolerance));
                assertThat(centroid[1]).as("seed %d y", seed).isCloseTo(centre.y(), within(tolerance));
                Box moved = output.boxes().get(0).box();
                assertThat(centroid[0]).isBetween(moved.x1(), moved.x2());
                assertThat(centroid[1]).isBetween(moved.y1(), moved.y2());
            }
        }
    }
}
