package org.cvkit.face.siamese;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TripletMiningTest {

    /* The squared distances of TripletLossTest's four images, identities [0, 0, 1, 1]. */
    private static final double[][] FOUR = {
        {0, 0.25, 0.36, 0.65},
        {0.25, 0, 0.61, 0.10},
        {0.36, 0.61, 0, 0.89},
        {0.65, 0.10, 0.89, 0},
    };
    private static final int[] TWO_PAIRS = {0, 0, 1, 1};

    @Test
    void batchHardTakesTheFarthestPositiveAndTheNearestNegative() {
        assertThat(TripletMining.BATCH_HARD.select(FOUR, TWO_PAIRS)).containsExactly(
                new Triplet(0, 1, 2, 1), new Triplet(1, 0, 3, 1), new Triplet(2, 3, 0, 1), new Triplet(3, 2, 1, 1));
    }

    @Test
    void semiHardTakesTheNearestNegativeBeyondThePositiveElseTheFarthest() {
        assertThat(TripletMining.SEMI_HARD.select(FOUR, TWO_PAIRS)).containsExactly(
                new Triplet(0, 1, 2, 1), new Triplet(1, 0, 2, 1), new Triplet(2, 3, 1, 1), new Triplet(3, 2, 0, 1));
    }

    /*
     * Identities [0, 0, 0, 1]: anchor 0 has positives 1 (0.2) and 2 (0.5), one negative 3 (0.3).
     * Batch-hard: farthest positive 2. Semi-hard: (0,1) -> 3 is beyond 0.2; (0,2) -> none beyond 0.5, farthest 3;
     * each of the two triplets weighs 1/2. Image 3 is alone, so it anchors nothing.
     */
    @Test
    void semiHardAveragesOverEveryPositiveAndLoneImagesAnchorNothing() {
        double[][] distances = {
            {0, 0.2, 0.5, 0.3},
            {0.2, 0, 0.4, 0.9},
            {0.5, 0.4, 0, 0.8},
            {0.3, 0.9, 0.8, 0},
        };
        int[] identities = {0, 0, 0, 1};

        assertThat(TripletMining.BATCH_HARD.select(distances, identities)).startsWith(new Triplet(0, 2, 3, 1))
                .hasSize(3);
        assertThat(TripletMining.SEMI_HARD.select(distances, identities)).startsWith(
                new Triplet(0, 1, 3, 0.5), new Triplet(0, 2, 3, 0.5)).hasSize(6);
    }

    @Test
    void aBatchOfOneIdentityHasNoTriplet() {
        assertThat(TripletMining.BATCH_HARD.select(new double[2][2], new int[] {4, 4})).isEmpty();
        assertThat(TripletMining.SEMI_HARD.select(new double[2][2], new int[] {4, 4})).isEmpty();
    }

    @Test
    void rejectsADistanceMatrixThatDoesNotFitTheIdentities() {
        assertThatThrownBy(() -> TripletMining.BATCH_HARD.select(new double[3][3], new int[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one distance row per image");
        assertThatThrownBy(() -> TripletMining.BATCH_HARD.select(new double[2][3], new int[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be 2 x 2");
    }

    @Test
    void rejectsInvalidTriplets() {
        assertThatThrownBy(() -> new Triplet(1, 1, 2, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("three different");
        assertThatThrownBy(() -> new Triplet(0, 1, 2, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weight must be in (0, 1]");
    }
}
