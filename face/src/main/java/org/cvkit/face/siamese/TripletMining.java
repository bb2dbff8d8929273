package org.cvkit.face.siamese;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the triplets of a mini-batch are chosen, given the squared distances between all its embeddings and the
 * identity of each image. Triplets where {@code d(a,n)} is already far beyond {@code d(a,p)} teach nothing; these
 * strategies pick the hard ones, as the course advises. An anchor whose identity has no other image in the batch, or
 * a batch with a single identity, yields no triplet.
 */
public enum TripletMining {

    /**
     * Batch-hard (Hermans, Beyer and Leibe 2017): for every anchor, its farthest positive and its nearest negative,
     * one triplet of weight 1 per anchor. Ties go to the lowest batch position.
     */
    BATCH_HARD {
        @Override
        List<Triplet> select(double[][] distances, int[] identities, int anchor) {
            int hardestPositive = -1;
            int hardestNegative = -1;
            for (int other = 0; other < identities.length; other++) {
                if (other == anchor) {
                    continue;
                }
                double d = distances[anchor][other];
                if (identities[other] == identities[anchor]) {
                    if (hardestPositive < 0 || d > distances[anchor][hardestPositive]) {
                        hardestPositive = other;
                    }
                } else if (hardestNegative < 0 || d < distances[anchor][hardestNegative]) {
                    hardestNegative = other;
                }
            }
            return hardestPositive < 0 || hardestNegative < 0 ? List.of()
                    : List.of(new Triplet(anchor, hardestPositive, hardestNegative, 1));
        }
    },

    /**
     * Semi-hard (Schroff, Kalenichenko and Philbin 2015, FaceNet): every positive of the anchor, each with the
     * nearest negative that is still farther than that positive ({@code d(a,n) > d(a,p)}); when every negative is
     * nearer, the farthest negative (as TensorFlow Addons' {@code triplet_semihard_loss} does). Each of the anchor's
     * {@code m} triplets has weight {@code 1/m}, so every anchor's loss is the mean over its positives. Ties go to the
     * lowest batch position.
     */
    SEMI_HARD {
        @Override
        List<Triplet> select(double[][] distances, int[] identities, int anchor) {
            List<Integer> positives = new ArrayList<>();
            List<Integer> negatives = new ArrayList<>();
            for (int other = 0; other < identities.length; other++) {
                if (other != anchor) {
                    (identities[other] == identities[anchor] ? positives : negatives).add(other);
                }
            }
            if (positives.isEmpty() || negatives.isEmpty()) {
                return List.of();
            }
            double[] row = distances[anchor];
            List<Triplet> triplets = new ArrayList<>(positives.size());
            for (int positive : positives) {
                int semiHard = -1;
                int farthest = -1;
                for (int negative : negatives) {
                    if (row[negative] > row[positive] && (semiHard < 0 || row[negative] < row[semiHard])) {
                        semiHard = negative;
                    }
                    if (farthest < 0 || row[negative] > row[farthest]) {
                        farthest = negative;
                    }
                }
                triplets.add(new Triplet(anchor, positive, semiHard >= 0 ? semiHard : farthest,
                        1.0 / positives.size()));
            }
            return triplets;
        }
    };

    /**
     * Chooses the triplets of a batch.
     *
     * @param distances  the squared distances between the batch's embeddings, {@code n x n}
     * @param identities the identity of each image, {@code n} values
     * @return the triplets, anchor by anchor in batch order
     * @throws IllegalArgumentException if the distance matrix is not {@code n x n}
     */
    public List<Triplet> select(double[][] distances, int[] identities) {
        Objects.requireNonNull(identities, "identities");
        if (distances.length != identities.length) {
            throw new IllegalArgumentException("need one distance row per image: " + distances.length + " rows for "
                    + identities.length + " identities");
        }
        for (double[] row : distances) {
            if (row.length != identities.length) {
                throw new IllegalArgumentException("the distance matrix must be " + identities.length + " x "
                        + identities.length + " but a row has " + row.length + " values");
            }
        }
        List<Triplet> triplets = new ArrayList<>();
        for (int anchor = 0; anchor < identities.length; anchor++) {
            triplets.addAll(select(distances, identities, anchor));
        }
        return triplets;
    }

    /** @return the triplets of one anchor */
    abstract List<Triplet> select(double[][] distances, int[] identities, int anchor);
}
