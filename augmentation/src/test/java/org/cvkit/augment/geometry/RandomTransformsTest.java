package org.cvkit.augment.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.cvkit.augment.LabeledBox;
import org.cvkit.augment.Range;
import org.cvkit.augment.Sample;
import org.cvkit.augment.TestImages;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.ImageSize;
import org.junit.jupiter.api.Test;

class RandomTransformsTest {

    @Test
    void affinePixelsFollowTheMatrix() {
        GeometryChecks.assertPixelsFollowBoxes(new RandomAffine(new Range(0.7, 1.3), Range.symmetric(0.1),
                Range.symmetric(15), BorderMode.CONSTANT), 0.3);
    }

    @Test
    void affineScaleAboutTheCentre() {
        RandomAffine doubling = new RandomAffine(Range.fixed(2), Range.fixed(0), Range.fixed(0), BorderMode.CONSTANT);
        Warp warp = doubling.plan(new ImageSize(100, 80), new SplittableRandom(0));
        // (x - 50) * 2 + 50 and (y - 40) * 2 + 40.
        assertThat(warp.map(new Box(40, 30, 60, 50), 0)).contains(new Box(30, 20, 70, 60));
    }

    @Test
    void perspectivePixelsFollowTheMatrix() {
        GeometryChecks.assertPixelsFollowBoxes(new RandomPerspective(Range.fixed(0.15), BorderMode.CONSTANT), 0.5);
    }

    @Test
    void perspectiveSendsTheImageCornersWithinItsStrength() {
        Warp warp = new RandomPerspective(Range.fixed(0.1), BorderMode.CONSTANT)
                .plan(new ImageSize(200, 100), new SplittableRandom(4));
        assertThat(warp.matrix().isAffine()).isFalse();
        Box moved = warp.map(new Box(0, 0, 200, 100), 0).orElseThrow();
        assertThat(moved.x1()).isBetween(0.0, 20.0);
        assertThat(moved.y1()).isBetween(0.0, 10.0);
        assertThat(moved.x2()).isBetween(180.0, 200.0);
        assertThat(moved.y2()).isBetween(90.0, 100.0);
    }

    @Test
    void randomResizedCropPixelsFollowTheMatrix() {
        GeometryChecks.assertPixelsFollowBoxes(new RandomResizedCrop(new ImageSize(64, 48), new Range(0.5, 1),
                RandomResizedCrop.DEFAULT_ASPECT_RATIO), 0.6);
    }

    @Test
    void aFullCropIsAResize() {
        RandomResizedCrop whole = new RandomResizedCrop(new ImageSize(60, 45), Range.fixed(1), Range.fixed(4.0 / 3));
        try (Sample input = Sample.of(TestImages.filled(120, 90, 3, 7),
                List.of(new LabeledBox(new Box(20, 10, 60, 50), "x")), List.of());
             Sample output = whole.apply(input, new SplittableRandom(1))) {
            assertThat(output.size()).isEqualTo(new ImageSize(60, 45));
            assertThat(output.boxes()).containsExactly(new LabeledBox(new Box(10, 5, 30, 25), "x"));
        }
    }

    @Test
    void resizeScalesBoxes() {
        try (Sample input = Sample.of(TestImages.filled(100, 50, 3, 7),
                List.of(new LabeledBox(new Box(20, 10, 60, 50), "x")), List.of());
             Sample output = new ResizeTo(new ImageSize(50, 100)).apply(input, new SplittableRandom(1))) {
            assertThat(output.size()).isEqualTo(new ImageSize(50, 100));
            assertThat(output.boxes()).containsExactly(new LabeledBox(new Box(10, 20, 30, 100), "x"));
        }
    }

    @Test
    void rejectsInvalidParameters() {
        assertThatThrownBy(() -> new RandomAffine(new Range(0, 1), Range.fixed(0), Range.fixed(0),
                BorderMode.CONSTANT)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale");
        assertThatThrownBy(() -> new RandomAffine(Range.fixed(1), Range.fixed(0), Range.symmetric(80),
                BorderMode.CONSTANT)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shear");
        assertThatThrownBy(() -> new RandomPerspective(Range.fixed(0.4), BorderMode.CONSTANT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0.25");
        assertThatThrownBy(() -> new RandomResizedCrop(new ImageSize(8, 8), new Range(0, 1), Range.fixed(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("crop area");
    }
}
