package org.cvkit.face.siamese;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Random;
import org.cvkit.core.data.PreProcessedBatches;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Identity-balanced mini-batches for Siamese training: each batch holds {@code P} different identities with
 * {@code K} images each (identity after identity), so every image has {@code K - 1} positives and
 * {@code (P - 1) K} negatives in its batch. Features are the images {@code [P*K, C, H, W]}, labels their identity
 * numbers {@code [P*K, 1]}, as {@link TripletLoss} and {@link LogisticPairHead} take them.
 *
 * <p>The identities of a batch are drawn at random among those with at least two images; each identity hands out
 * every one of its images once per cycle, in a shuffled order, and a batch repeats an image only when its identity
 * has fewer than K. An epoch is a fixed number of batches. The whole sequence of batches over any number of epochs
 * depends only on the seed; {@link #reset()} starts the next epoch.
 */
public final class IdentityBatchIterator extends PreProcessedBatches {

    private final IdentityImages images;
    private final int identitiesPerBatch;
    private final int imagesPerIdentity;
    private final int batchesPerEpoch;
    private final Random random;
    /** The usable identities' image indices, each list in its current shuffled order. */
    private final List<int[]> imagesOf = new ArrayList<>();
    private final int[] cursors;
    private int batchesDone;

    /**
     * @param images             the data, with at least {@code identitiesPerBatch} identities of two or more images
     * @param identitiesPerBatch P, at least 2
     * @param imagesPerIdentity  K, at least 2
     * @param batchesPerEpoch    batches per epoch, positive
     * @param seed               the seed of the whole sequence of batches
     * @throws IllegalArgumentException if a count is too small or the data has too few usable identities
     */
    public IdentityBatchIterator(IdentityImages images, int identitiesPerBatch, int imagesPerIdentity,
                                 int batchesPerEpoch, long seed) {
        this.images = Objects.requireNonNull(images, "images");
        if (identitiesPerBatch < 2 || imagesPerIdentity < 2) {
            throw new IllegalArgumentException("a batch needs at least 2 identities with at least 2 images each, "
                    + "but " + identitiesPerBatch + " identities x " + imagesPerIdentity + " images were asked for");
        }
        if (batchesPerEpoch < 1) {
            throw new IllegalArgumentException("batches per epoch must be positive but is " + batchesPerEpoch);
        }
        this.identitiesPerBatch = identitiesPerBatch;
        this.imagesPerIdentity = imagesPerIdentity;
        this.batchesPerEpoch = batchesPerEpoch;
        this.random = new Random(seed);
        int identityCount = images.identityNames().size();
        int[] counts = new int[identityCount];
        for (int i = 0; i < images.size(); i++) {
            counts[images.identity(i)]++;
        }
        int[][] members = new int[identityCount][];
        int[] filled = new int[identityCount];
        for (int identity = 0; identity < identityCount; identity++) {
            members[identity] = new int[counts[identity]];
        }
        for (int i = 0; i < images.size(); i++) {
            int identity = images.identity(i);
            members[identity][filled[identity]++] = i;
        }
        for (int[] member : members) {
            if (member.length >= 2) {
                shuffle(member, 0, member.length);
                imagesOf.add(member);
            }
        }
        if (imagesOf.size() < identitiesPerBatch) {
            throw new IllegalArgumentException("only " + imagesOf.size() + " of the " + identityCount
                    + " identities have two or more images, fewer than the " + identitiesPerBatch
                    + " identities per batch; lower the identities per batch or add images");
        }
        this.cursors = new int[imagesOf.size()];
    }

    /**
     * @param images            the data
     * @param imagesPerBatch    the images of one batch, P x K
     * @return the number of batches of that size that together hold about as many images as the data set
     */
    public static int batchesCovering(IdentityImages images, int imagesPerBatch) {
        return Math.max(1, (int) Math.ceil(images.size() / (double) imagesPerBatch));
    }

    @Override
    public boolean hasNext() {
        return batchesDone < batchesPerEpoch;
    }

    @Override
    public long examplesPerEpoch() {
        return (long) batchesPerEpoch * batch();
    }

    @Override
    public DataSet next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the epoch's " + batchesPerEpoch + " batches are done: call reset()");
        }
        int[] chosen = chooseIdentities();
        int[] indices = new int[identitiesPerBatch * imagesPerIdentity];
        float[] labels = new float[indices.length];
        int position = 0;
        for (int identity : chosen) {
            for (int index : take(identity)) {
                indices[position] = index;
                labels[position] = images.identity(index);
                position++;
            }
        }
        batchesDone++;
        DataSet batch = new DataSet(images.images(indices),
                Nd4j.create(labels, new long[] {labels.length, 1}, DataType.FLOAT));
        return preProcessed(batch);
    }

    /**
     * @return the next K images of a usable identity; when its cycle ends mid-batch, the images still to come are
     *     taken first and the next cycle is shuffled so that they come last, so the batch repeats no image unless
     *     the identity has fewer than K
     */
    private int[] take(int identity) {
        int[] members = imagesOf.get(identity);
        int[] taken = new int[imagesPerIdentity];
        for (int k = 0; k < imagesPerIdentity; k++) {
            if (cursors[identity] == members.length) {
                int alreadyTaken = Math.min(k, members.length);
                shuffle(members, 0, members.length - alreadyTaken);
                shuffle(members, members.length - alreadyTaken, members.length);
                cursors[identity] = 0;
            }
            taken[k] = members[cursors[identity]++];
        }
        return taken;
    }

    /** @return P different positions in {@link #imagesOf}, by a partial Fisher-Yates shuffle */
    private int[] chooseIdentities() {
        int[] pool = new int[imagesOf.size()];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = i;
        }
        int[] chosen = new int[identitiesPerBatch];
        for (int i = 0; i < identitiesPerBatch; i++) {
            int j = i + random.nextInt(pool.length - i);
            int swap = pool[i];
            pool[i] = pool[j];
            pool[j] = swap;
            chosen[i] = pool[i];
        }
        return chosen;
    }

    /** Shuffles {@code values[from..to-1]} in place (Fisher-Yates). */
    private void shuffle(int[] values, int from, int to) {
        for (int i = to - 1; i > from; i--) {
            int j = from + random.nextInt(i - from + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    /**
     * Not supported: the batch size is P x K.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public DataSet next(int num) {
        throw new UnsupportedOperationException("identity-balanced batches always hold " + batch()
                + " images (P x K); call next()");
    }

    @Override
    public int inputColumns() {
        return Math.toIntExact((long) images.shape().channels() * images.shape().height() * images.shape().width());
    }

    /** @return the number of identities, the range of the labels */
    @Override
    public int totalOutcomes() {
        return images.identityNames().size();
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    /** Starts the next epoch; the random sequence continues, so epochs differ. */
    @Override
    public void reset() {
        batchesDone = 0;
    }

    @Override
    public int batch() {
        return identitiesPerBatch * imagesPerIdentity;
    }

    /** @return the identity names, by identity number */
    @Override
    public List<String> getLabels() {
        return images.identityNames();
    }
}
