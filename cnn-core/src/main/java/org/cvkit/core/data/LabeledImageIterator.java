package org.cvkit.core.data;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.stream.IntStream;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batches of a {@link LabeledImageSet}: NCHW features scaled to 0..1 and one-hot labels. With a random source the
 * order is reshuffled on construction and on every {@link #reset()}.
 */
final class LabeledImageIterator extends PreProcessedBatches {

    private static final long serialVersionUID = 1L;

    private final LabeledImageSet images;
    private final int batchSize;
    private final Random shuffler;
    private final int[] order;
    private int cursor;

    LabeledImageIterator(LabeledImageSet images, int batchSize, Random shuffler) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive but is " + batchSize);
        }
        this.images = images;
        this.batchSize = batchSize;
        this.shuffler = shuffler;
        this.order = IntStream.range(0, images.size()).toArray();
        reset();
    }

    @Override
    public boolean hasNext() {
        return cursor < order.length;
    }

    @Override
    public long examplesPerEpoch() {
        return order.length;
    }

    @Override
    public DataSet next() {
        return next(batchSize);
    }

    @Override
    public DataSet next(int num) {
        if (!hasNext()) {
            throw new NoSuchElementException("no more batches: call reset() to start a new epoch");
        }
        int count = Math.min(num, order.length - cursor);
        int pixelsPerImage = images.height() * images.width();
        int classes = images.classNames().size();
        float[] features = new float[count * pixelsPerImage];
        float[] oneHot = new float[count * classes];
        for (int i = 0; i < count; i++) {
            int index = order[cursor + i];
            images.copyImage(index, features, i * pixelsPerImage);
            oneHot[i * classes + images.label(index)] = 1f;
        }
        cursor += count;
        DataSet batch = new DataSet(
                Nd4j.create(features, new long[] {count, 1, images.height(), images.width()}, 'c'),
                Nd4j.create(oneHot, new long[] {count, classes}, 'c'));
        return preProcessed(batch);
    }

    @Override
    public int inputColumns() {
        return images.height() * images.width();
    }

    @Override
    public int totalOutcomes() {
        return images.classNames().size();
    }

    @Override
    public boolean asyncSupported() {
        return true;
    }

    @Override
    public void reset() {
        cursor = 0;
        if (shuffler != null) {
            LabeledImageSet.shuffle(order, shuffler);
        }
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public List<String> getLabels() {
        return images.classNames();
    }
}
