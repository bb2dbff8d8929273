package org.cvkit.detection.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.List;
import org.cvkit.core.data.IdxImages;
import org.cvkit.core.data.LabeledImageSet;
import org.cvkit.core.geometry.Box;
import org.cvkit.detection.geometry.GroundTruth;
import org.cvkit.detection.geometry.Iou;
import org.junit.jupiter.api.Test;

class SceneGeneratorTest {

    private static final int ITEM = 28;
    /** Item 0 (label 0): opaque in rows 4..23, columns 8..19. Item 1 (label 1): rows 10..17, columns 2..25. */
    private static final LabeledImageSet ITEMS = new LabeledImageSet(new IdxImages(2, ITEM, ITEM, items()),
            new int[] {0, 1}, List.of("tall", "wide", "absent"));
    /** Two objects, items kept at 28x28 so their boxes are exact, never overlapping. */
    private static final SceneSettings SETTINGS = new SceneSettings(64, 2, 2, ITEM, ITEM, 0, 0.5);

    @Test
    void boxesAreTheTightBoxesOfThePastedItems() {
        SceneGenerator generator = new SceneGenerator(ITEMS, List.of(1, 0), SETTINGS, 7);

        assertThat(generator.classNames()).containsExactly("wide", "tall");
        for (int i = 0; i < 20; i++) {
            DetectionSample scene = generator.scene(i, "s" + i);
            assertThat(scene.size().width()).isEqualTo(64);
            assertThat(scene.objects()).hasSize(2);
            for (GroundTruth object : scene.objects()) {
                Box box = object.box();
                // class 0 is the wide item (24 x 8 opaque pixels), class 1 the tall one (12 x 20)
                assertThat(new double[] {box.width(), box.height()})
                        .containsExactly(object.classIndex() == 0 ? new double[] {24, 8} : new double[] {12, 20});
                assertThat(box.x1()).isEqualTo(Math.rint(box.x1()));
                assertThat(meanLevel(scene.image(), box)).isGreaterThan(150 - 3 * SceneGenerator.SENSOR_NOISE);
            }
            assertThat(Iou.of(scene.objects().get(0).box(), scene.objects().get(1).box())).isZero();
        }
    }

    @Test
    void aSceneDependsOnlyOnTheSeedAndItsIndex() {
        SceneGenerator generator = new SceneGenerator(ITEMS, List.of(0, 1), SceneSettings.of(64), 3);

        DetectionSample scene = generator.scene(5, "a");
        DetectionSample again = new SceneGenerator(ITEMS, List.of(0, 1), SceneSettings.of(64), 3).scene(5, "b");

        assertThat(pixels(again.image())).isEqualTo(pixels(scene.image()));
        assertThat(again.objects()).isEqualTo(scene.objects());
        assertThat(pixels(generator.scene(6, "c").image())).isNotEqualTo(pixels(scene.image()));
        assertThat(pixels(new SceneGenerator(ITEMS, List.of(0, 1), SceneSettings.of(64), 4).scene(5, "d").image()))
                .isNotEqualTo(pixels(scene.image()));
    }

    @Test
    void aDatasetNumbersItsScenesAndKeepsObjectCountsInRange() {
        SceneSettings settings = new SceneSettings(64, 0, 3, 10, 20, 0.1, 0);
        DetectionDataset dataset = new SceneGenerator(ITEMS, List.of(0, 1), settings, 1).dataset(30, "train-");

        assertThat(dataset.classNames()).containsExactly("tall", "wide");
        assertThat(dataset.samples()).hasSize(30);
        assertThat(dataset.samples().get(12).name()).isEqualTo("train-000012");
        assertThat(dataset.samples()).allSatisfy(scene -> assertThat(scene.objects()).hasSizeLessThanOrEqualTo(3));
        assertThat(dataset.samples()).anySatisfy(scene -> assertThat(scene.objects()).isEmpty());
        assertThat(dataset.samples()).anySatisfy(scene -> assertThat(scene.objects()).hasSize(3));
        assertThatThrownBy(() -> new SceneGenerator(ITEMS, List.of(0), settings, 1).dataset(-1, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
    }

    @Test
    void rejectsClassesThatCannotBeDrawn() {
        assertThatThrownBy(() -> new SceneGenerator(ITEMS, List.of(), SETTINGS, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one class");
        assertThatThrownBy(() -> new SceneGenerator(ITEMS, List.of(0, 0), SETTINGS, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("each once");
        assertThatThrownBy(() -> new SceneGenerator(ITEMS, List.of(3), SETTINGS, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("class 3 is not one of");
        assertThatThrownBy(() -> new SceneGenerator(ITEMS, List.of(2), SETTINGS, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no item of class 2 (absent)");
    }

    @Test
    void settingsScaleWithTheImageAndRejectImpossibleRanges() {
        assertThat(SceneSettings.of(96)).isEqualTo(new SceneSettings(96, 1, 4, 27, 48, 0.1, 0.5));
        assertThatThrownBy(() -> new SceneSettings(0, 1, 2, 8, 8, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("image size");
        assertThatThrownBy(() -> new SceneSettings(64, 3, 2, 8, 8, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 <= min <= max");
        assertThatThrownBy(() -> new SceneSettings(64, 1, 2, 7, 8, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("object sizes");
        assertThatThrownBy(() -> new SceneSettings(64, 1, 2, 8, 65, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("object sizes");
        assertThatThrownBy(() -> new SceneSettings(64, 1, 2, 8, 8, 1.5, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 1]");
    }

    private static byte[] items() {
        byte[] pixels = new byte[2 * ITEM * ITEM];
        fill(pixels, 0, 4, 23, 8, 19);
        fill(pixels, 1, 10, 17, 2, 25);
        return pixels;
    }

    private static void fill(byte[] pixels, int item, int top, int bottom, int left, int right) {
        for (int row = top; row <= bottom; row++) {
            for (int column = left; column <= right; column++) {
                pixels[item * ITEM * ITEM + row * ITEM + column] = (byte) 255;
            }
        }
    }

    private static double meanLevel(BufferedImage image, Box box) {
        byte[] data = pixels(image);
        double sum = 0;
        int count = 0;
        for (int y = (int) box.y1(); y < box.y2(); y++) {
            for (int x = (int) box.x1(); x < box.x2(); x++) {
                for (int c = 0; c < 3; c++) {
                    sum += data[3 * (y * image.getWidth() + x) + c] & 0xff;
                    count++;
                }
            }
        }
        return sum / count;
    }

    private static byte[] pixels(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }
}
