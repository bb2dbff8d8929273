package org.cvkit.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import org.cvkit.core.image.Normalization;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

class LabeledImageSetTest {

    private static final List<String> CLASSES = List.of("zero", "one", "two");

    /** Five 1x2 images whose pixels are (10*i, 255) and whose labels are i % 3. */
    private static LabeledImageSet fiveImages() {
        byte[] pixels = new byte[10];
        int[] labels = new int[5];
        for (int i = 0; i < 5; i++) {
            pixels[2 * i] = (byte) (10 * i);
            pixels[2 * i + 1] = (byte) 255;
            labels[i] = i % 3;
        }
        return new LabeledImageSet(new IdxImages(5, 1, 2, pixels), labels, CLASSES);
    }

    @Test
    void batchesAreNchwScaledToZeroOneWithOneHotLabels() {
        DataSetIterator iterator = fiveImages().iterator(2);
        DataSet first = iterator.next();

        assertThat(first.getFeatures().shape()).containsExactly(2, 1, 1, 2);
        assertThat(first.getFeatures().ravel().toFloatVector()).containsExactly(new float[] {0f, 1f, 10 / 255f, 1f},
                within(1e-7f));
        assertThat(first.getLabels().toFloatMatrix()).isDeepEqualTo(new float[][] {{1, 0, 0}, {0, 1, 0}});
        assertThat(iterator.totalOutcomes()).isEqualTo(3);
        assertThat(iterator.inputColumns()).isEqualTo(2);
        assertThat(iterator.getLabels()).isEqualTo(CLASSES);
    }

    @Test
    void theLastBatchHoldsTheRemainderAndResetStartsOver() {
        DataSetIterator iterator = fiveImages().iterator(2);
        List<Integer> sizes = new ArrayList<>();
        while (iterator.hasNext()) {
            sizes.add(iterator.next().numExamples());
        }
        assertThat(sizes).containsExactly(2, 2, 1);
        assertThatThrownBy(iterator::next).isInstanceOf(NoSuchElementException.class).hasMessageContaining("reset");

        iterator.reset();
        assertThat(iterator.next().getFeatures().getFloat(0)).isEqualTo(0f);
    }

    @Test
    void shuffledIteratorsVisitEveryImageOncePerEpochInASeededOrder() {
        LabeledImageSet images = fiveImages();
        List<Integer> epoch1 = firstPixels(images.shuffledIterator(2, 7));
        DataSetIterator iterator = images.shuffledIterator(2, 7);
        assertThat(firstPixels(iterator)).isEqualTo(epoch1);
        iterator.reset();
        List<Integer> epoch2 = firstPixels(iterator);

        assertThat(epoch1).containsExactlyInAnyOrder(0, 10, 20, 30, 40);
        assertThat(epoch2).containsExactlyInAnyOrder(0, 10, 20, 30, 40);
        assertThat(epoch2).isNotEqualTo(epoch1);
        assertThat(epoch1).isNotEqualTo(List.of(0, 10, 20, 30, 40));
        assertThat(((PreProcessedBatches) iterator).examplesPerEpoch()).isEqualTo(5);
    }

    @Test
    void subsetsAreSeededAndKeepLabelsWithTheirImages() {
        LabeledImageSet subset = fiveImages().subset(3, 42);
        assertThat(subset.size()).isEqualTo(3);
        List<Integer> pixels = firstPixels(subset.iterator(5));
        assertThat(firstPixels(fiveImages().subset(3, 42).iterator(5))).isEqualTo(pixels);
        assertThat(pixels).doesNotHaveDuplicates().isSubsetOf(0, 10, 20, 30, 40);
        for (int i = 0; i < 3; i++) {
            assertThat(subset.label(i)).isEqualTo(pixels.get(i) / 10 % 3);
        }
        assertThatThrownBy(() -> fiveImages().subset(6, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..5");
    }

    @Test
    void slicesKeepTheOrder() {
        LabeledImageSet images = fiveImages();
        LabeledImageSet middle = images.slice(1, 4);
        assertThat(firstPixels(middle.iterator(10))).containsExactly(10, 20, 30);
        assertThat(middle.label(2)).isEqualTo(0);
        LabeledImageSet shuffled = images.subset(5, 3);
        assertThat(firstPixels(shuffled.slice(3, 5).iterator(10)))
                .isEqualTo(firstPixels(shuffled.iterator(10)).subList(3, 5));
        assertThatThrownBy(() -> images.slice(2, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> images.slice(3, 6)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void oneImageAsANetworkInput() {
        LabeledImageSet images = fiveImages();
        assertThat(images.image(3).shape()).containsExactly(1, 1, 1, 2);
        assertThat(images.image(3).ravel().toFloatVector()).containsExactly(new float[] {30 / 255f, 1f}, within(1e-7f));
        assertThatThrownBy(() -> images.image(5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void appliesANormalizationToIteratorsAndImages() {
        // (level / 255 - 0.5) / 0.25 for levels 30 and 255
        LabeledImageSet standardized = fiveImages().normalized(Normalization.of(1 / 255.0, new double[] {0.5},
                new double[] {0.25}));
        float[] expected = {(float) ((30 / 255.0 - 0.5) / 0.25), 2f};
        assertThat(standardized.image(3).ravel().toFloatVector()).containsExactly(expected, within(1e-6f));
        DataSet batch = standardized.subset(5, 1).slice(0, 5).iterator(5).next();
        assertThat(batch.getFeatures().maxNumber().floatValue()).isEqualTo(2f);
        assertThat(batch.getFeatures().minNumber().floatValue()).isCloseTo(-2f, within(1e-6f));
        assertThat(standardized.subset(2, 1).normalization()).isEqualTo(standardized.normalization());
        assertThat(fiveImages().normalization()).isEqualTo(Normalization.UNIT);
        assertThatThrownBy(() -> fiveImages().normalized(Normalization.IMAGENET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one channel");
    }

    @Test
    void rejectsDifferentImageAndLabelCounts() {
        IdxImages images = new IdxImages(2, 1, 1, new byte[] {1, 2});
        assertThatThrownBy(() -> new LabeledImageSet(images, new int[] {0, 1, 2}, CLASSES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("there are 2 images but 3 labels");
    }

    @Test
    void rejectsLabelsWithoutAClassName() {
        IdxImages images = new IdxImages(2, 1, 1, new byte[] {1, 2});
        assertThatThrownBy(() -> new LabeledImageSet(images, new int[] {0, 3}, CLASSES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label 3 of image 1 is outside 0..2");
        assertThatThrownBy(() -> new LabeledImageSet(images, new int[] {0, 0}, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one class name");
    }

    @Test
    void rejectsANonPositiveBatchSize() {
        assertThatThrownBy(() -> fiveImages().iterator(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch size must be positive");
    }

    /** @return the first pixel of every image of one pass, as 0..255 */
    private static List<Integer> firstPixels(DataSetIterator iterator) {
        List<Integer> values = new ArrayList<>();
        while (iterator.hasNext()) {
            DataSet batch = iterator.next();
            for (int i = 0; i < batch.numExamples(); i++) {
                values.add(Math.round(batch.getFeatures().getFloat(i, 0, 0, 0) * 255));
            }
        }
        return values;
    }
}
