package org.cvkit.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_16UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC4;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SplittableRandom;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.augment.geometry.Flip;
import org.cvkit.augment.geometry.Homography;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.core.geometry.Keypoint;
import org.junit.jupiter.api.Test;

class SampleTest {

    @Test
    void holdsTheImageAndItsAnnotations() {
        List<LabeledBox> boxes = List.of(new LabeledBox(new Box(1, 2, 3, 4), "dog"));
        try (Sample sample = Sample.of(TestImages.filled(6, 4, 3, 9), boxes, List.of(new Keypoint(1, 1, true)))) {
            assertThat(sample.size()).isEqualTo(new ImageSize(6, 4));
            assertThat(sample.channels()).isEqualTo(3);
            assertThat(sample.boxes()).isEqualTo(boxes);
            assertThat(sample.geometry()).isEqualTo(Homography.IDENTITY);
            assertThat(sample.minBoxVisibility()).isEqualTo(Sample.DEFAULT_MIN_BOX_VISIBILITY);
            try (Sample copy = sample.copy()) {
                assertThat(copy.image().address()).isNotEqualTo(sample.image().address());
                assertThat(TestImages.bytes(copy.image())).isEqualTo(TestImages.bytes(sample.image()));
                assertThat(copy.boxes()).isEqualTo(boxes);
            }
        }
    }

    @Test
    void javaImagesGoInAndComeOutThroughTheCoreBridges() {
        BufferedImage picture = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        picture.setRGB(0, 0, 0xFF0000);
        try (Sample sample = Sample.of(picture, List.of(), List.of());
             Sample flipped = Flip.HORIZONTAL.apply(sample, new SplittableRandom(0))) {
            assertThat(sample.channels()).isEqualTo(3);
            assertThat(flipped.toBufferedImage().getRGB(2, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
            assertThat(flipped.toBufferedImage().getRGB(0, 0) & 0xFFFFFF).isZero();
        }
    }

    @Test
    void rejectsImagesItCannotAugment() {
        try (Mat empty = new Mat(); Mat bgra = new Mat(4, 4, CV_8UC4); Mat deep = new Mat(4, 4, CV_16UC3)) {
            assertThatThrownBy(() -> Sample.of(empty)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("empty");
            assertThatThrownBy(() -> Sample.of(bgra)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("4 channels").hasMessageContaining("COLOR_BGRA2BGR");
            assertThatThrownBy(() -> Sample.of(deep)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("8-bit");
        }
    }

    @Test
    void rejectsAVisibilityThresholdOutsideZeroToOne() {
        try (Sample sample = Sample.of(TestImages.filled(2, 2, 1, 0))) {
            assertThatThrownBy(() -> sample.withMinBoxVisibility(1.5)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("0:1");
        }
    }

    @Test
    void withImageKeepsTheSizeOrFails() {
        try (Sample sample = Sample.of(TestImages.filled(4, 4, 3, 0)); Mat other = TestImages.filled(5, 4, 3, 0)) {
            assertThatThrownBy(() -> sample.withImage(other)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("4x4");
        }
    }

    @Test
    void blankLabelsAreRejected() {
        assertThatThrownBy(() -> new LabeledBox(new Box(0, 0, 1, 1), " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    }
}
