package org.cvkit.face.siamese;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

class IdentityBatchIteratorTest {

    /* Identity 0: images 0-3, identity 1: 4-6, identity 2: 7-8, identity 3: 9 (alone, never usable). */
    private static final ConstantImages IMAGES = new ConstantImages(new int[] {0, 0, 0, 0, 1, 1, 1, 2, 2, 3});

    @Test
    void everyBatchHoldsKImagesOfEachOfPDifferentIdentities() {
        IdentityBatchIterator batches = new IdentityBatchIterator(IMAGES, 2, 2, 20, 7);

        while (batches.hasNext()) {
            DataSet batch = batches.next();
            assertThat(batch.getFeatures().shape()).containsExactly(4, 1, 2, 2);
            assertThat(batch.getLabels().shape()).containsExactly(4, 1);
            int[] indices = ConstantImages.indicesOf(batch.getFeatures());
            double[] labels = batch.getLabels().toDoubleVector();
            for (int i = 0; i < 4; i++) {
                assertThat(labels[i]).isEqualTo(IMAGES.identity(indices[i]));
            }
            assertThat(labels[0]).isEqualTo(labels[1]);
            assertThat(labels[2]).isEqualTo(labels[3]).isNotEqualTo(labels[0]).isNotEqualTo(3);
            assertThat(indices[0]).isNotEqualTo(indices[1]);
            assertThat(indices[2]).isNotEqualTo(indices[3]);
        }
    }

    @Test
    void anIdentityHandsOutAllItsImagesBeforeRepeatingOne() {
        // two usable identities and P = 2: both are in every batch; identity 0 has 4 images, K = 2
        ConstantImages images = new ConstantImages(new int[] {0, 0, 0, 0, 1, 1});
        IdentityBatchIterator batches = new IdentityBatchIterator(images, 2, 2, 2, 3);

        Set<Integer> identityZero = new HashSet<>();
        while (batches.hasNext()) {
            for (int index : ConstantImages.indicesOf(batches.next().getFeatures())) {
                if (images.identity(index) == 0) {
                    identityZero.add(index);
                }
            }
        }
        assertThat(identityZero).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    void theSequenceOfBatchesDependsOnlyOnTheSeed() {
        assertThat(drawTwoEpochs(11)).isEqualTo(drawTwoEpochs(11)).isNotEqualTo(drawTwoEpochs(12));
    }

    private static List<List<Integer>> drawTwoEpochs(long seed) {
        IdentityBatchIterator batches = new IdentityBatchIterator(IMAGES, 2, 2, 3, seed);
        List<List<Integer>> drawn = new ArrayList<>();
        for (int epoch = 0; epoch < 2; epoch++) {
            batches.reset();
            while (batches.hasNext()) {
                drawn.add(Arrays.stream(ConstantImages.indicesOf(batches.next().getFeatures())).boxed()
                        .toList());
            }
        }
        assertThat(drawn).hasSize(6);
        return drawn;
    }

    @Test
    void anEpochIsTheGivenNumberOfBatches() {
        IdentityBatchIterator batches = new IdentityBatchIterator(IMAGES, 3, 2, 2, 1);

        batches.next();
        batches.next();

        assertThat(batches.hasNext()).isFalse();
        assertThatThrownBy(batches::next).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("call reset()");
        batches.reset();
        assertThat(batches.hasNext()).isTrue();
        assertThat(batches.batch()).isEqualTo(6);
        assertThat(batches.examplesPerEpoch()).isEqualTo(12);
        assertThat(batches.totalOutcomes()).isEqualTo(4);
        assertThat(IdentityBatchIterator.batchesCovering(IMAGES, 4)).isEqualTo(3);
    }

    @Test
    void rejectsBatchesThatTheDataCannotFill() {
        assertThatThrownBy(() -> new IdentityBatchIterator(IMAGES, 1, 2, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 identities");
        assertThatThrownBy(() -> new IdentityBatchIterator(IMAGES, 2, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 images");
        assertThatThrownBy(() -> new IdentityBatchIterator(IMAGES, 2, 2, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batches per epoch");
        assertThatThrownBy(() -> new IdentityBatchIterator(IMAGES, 4, 2, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only 3 of the 4 identities have two or more images");
        assertThatThrownBy(() -> new IdentityBatchIterator(IMAGES, 2, 2, 1, 1).next(4))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
