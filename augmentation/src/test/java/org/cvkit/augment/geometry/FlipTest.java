package org.cvkit.augment.geometry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.cvkit.augment.LabeledBox;
import org.cvkit.augment.Sample;
import org.cvkit.augment.TestImages;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.Keypoint;
import org.junit.jupiter.api.Test;

class FlipTest {

    private static final List<LabeledBox> BOXES = List.of(new LabeledBox(new Box(10, 5, 30, 20), "cat"));
    private static final List<Keypoint> POINTS = List.of(new Keypoint(10.5, 3, true));

    @Test
    void horizontalFlipMirrorsPixelsBoxesAndKeypoints() {
        try (Sample input = Sample.of(TestImages.noise(100, 50, 3, 1), BOXES, POINTS);
             Sample output = Flip.HORIZONTAL.apply(input, new SplittableRandom(0))) {
            assertThat(output.boxes()).containsExactly(new LabeledBox(new Box(70, 5, 90, 20), "cat"));
            assertThat(output.keypoints()).containsExactly(new Keypoint(89.5, 3, true));
            for (int c = 0; c < 3; c++) {
                assertThat(TestImages.level(output.image(), 99, 0, c)).isEqualTo(TestImages.level(input.image(), 0, 0, c));
                assertThat(TestImages.level(output.image(), 10, 7, c)).isEqualTo(TestImages.level(input.image(), 89, 7, c));
            }
        }
    }

    @Test
    void verticalFlipMirrorsPixelsBoxesAndKeypoints() {
        try (Sample input = Sample.of(TestImages.noise(100, 50, 1, 2), BOXES, POINTS);
             Sample output = Flip.VERTICAL.apply(input, new SplittableRandom(0))) {
            assertThat(output.boxes()).containsExactly(new LabeledBox(new Box(10, 30, 30, 45), "cat"));
            assertThat(output.keypoints()).containsExactly(new Keypoint(10.5, 47, true));
            assertThat(TestImages.level(output.image(), 3, 49, 0)).isEqualTo(TestImages.level(input.image(), 3, 0, 0));
        }
    }

    @Test
    void fastPathDrawsWhatTheGeneralWarpDraws() {
        for (Flip flip : Flip.values()) {
            try (Sample input = Sample.of(TestImages.noise(37, 23, 3, 3))) {
                Warp fast = flip.plan(input.size(), new SplittableRandom(0));
                Warp general = Warp.general(fast.matrix(), fast.outputSize(), BorderMode.CONSTANT);
                try (Sample viaFlip = fast.apply(input); Sample viaWarp = general.apply(input)) {
                    assertThat(TestImages.bytes(viaFlip.image())).isEqualTo(TestImages.bytes(viaWarp.image()));
                }
            }
        }
    }
}
