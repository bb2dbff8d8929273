package org.cvkit.core.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.stream.IntStream;

import org.cvkit.core.image.Normalization;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Grey images with class labels held in memory, such as a split of Fashion-MNIST, and the DL4J iterators that
 * feed them to a network: features {@code [batch, 1, height, width]} (NCHW), by default scaled from 0..255 to 0..1
 * ({@link Normalization#UNIT}), labels one-hot {@code [batch, classes]}. Immutable; subsets and slices share the pixel
 * data.
 */
public final class LabeledImageSet {

    private final IdxImages images;
    private final int[] labels;
    private final List<String> classNames;
    /** Which of {@code images} belong to this set, in order. */
    private final int[] selection;
    private final Normalization normalization;

    /**
     * @param images     the images
     * @param labels     one label per image, each in {@code 0..classNames.size()-1}; copied
     * @param classNames the class names, in label order
     * @throws IllegalArgumentException if the counts differ or a label has no class name
     */
    public LabeledImageSet(IdxImages images, int[] labels, List<String> classNames) {
        this(images, Objects.requireNonNull(labels, "labels").clone(), List.copyOf(classNames),
                IntStream.range(0, images.count()).toArray(), Normalization.UNIT);
        if (images.count() != labels.length) {
            throw new IllegalArgumentException("there are " + images.count() + " images but " + labels.length
                    + " labels; the image and label files must belong to the same split");
        }
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("at least one class name is needed");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException("label " + labels[i] + " of image " + i + " is outside 0.."
                        + (classNames.size() - 1) + "; the labels do not match the " + classNames.size()
                        + " class names");
            }
        }
    }

    private LabeledImageSet(IdxImages images, int[] labels, List<String> classNames, int[] selection,
                            Normalization normalization) {
        this.images = images;
        this.labels = labels;
        this.classNames = classNames;
        this.selection = selection;
        this.normalization = normalization;
    }

    /** @return the number of images in this set */
    public int size() {
        return selection.length;
    }

    /** @return the image height in pixels */
    public int height() {
        return images.rows();
    }

    /** @return the image width in pixels */
    public int width() {
        return images.columns();
    }

    /** @return the class names, in label order */
    public List<String> classNames() {
        return classNames;
    }

    /**
     * @param index the position in this set
     * @return the label of that image
     */
    public int label(int index) {
        return labels[selection[Objects.checkIndex(index, size())]];
    }

    /** @return how pixel levels become network inputs in {@link #image} and the iterators */
    public Normalization normalization() {
        return normalization;
    }

    /**
     * @param normalization how pixel levels become network inputs, for example standardization with the data set's
     *                      mean and standard deviation; must fit one channel
     * @return the same images with that normalization
     * @throws IllegalArgumentException if the normalization is for several channels
     */
    public LabeledImageSet normalized(Normalization normalization) {
        if (!normalization.fits(1)) {
            throw new IllegalArgumentException("the images have one channel but the normalization " + normalization
                    + " has several values; give a single mean and std");
        }
        return new LabeledImageSet(images, labels, classNames, selection, normalization);
    }

    /**
     * @param index the position in this set
     * @return the image as a network input {@code [1, 1, height, width]}, normalized
     */
    public INDArray image(int index) {
        float[] pixels = new float[height() * width()];
        copyImage(index, pixels, 0);
        return Nd4j.create(pixels, new long[] {1, 1, height(), width()}, 'c');
    }

    /**
     * Picks a random subset, for example to train on fewer images.
     *
     * @param size the number of images to keep, 1..{@link #size()}
     * @param seed the seed that decides which images
     * @return the subset, in random order
     * @throws IllegalArgumentException if the size is out of range
     */
    public LabeledImageSet subset(int size, long seed) {
        if (size < 1 || size > size()) {
            throw new IllegalArgumentException("subset size must be in 1.." + size() + " but is " + size);
        }
        int[] order = selection.clone();
        shuffle(order, new Random(seed));
        return new LabeledImageSet(images, labels, classNames, Arrays.copyOf(order, size), normalization);
    }

    /**
     * Takes a contiguous part, for example to hold out the end of a shuffled subset for validation.
     *
     * @param from the first position, inclusive
     * @param to   the last position, exclusive; greater than {@code from}
     * @return the images at positions {@code from..to-1}, in this set's order
     * @throws IndexOutOfBoundsException if the range is empty or outside this set
     */
    public LabeledImageSet slice(int from, int to) {
        Objects.checkFromToIndex(from, to, size());
        if (from == to) {
            throw new IndexOutOfBoundsException("slice " + from + ".." + to + " is empty");
        }
        return new LabeledImageSet(images, labels, classNames, Arrays.copyOfRange(selection, from, to),
                normalization);
    }

    /**
     * @param batchSize the number of images per batch, positive
     * @return an iterator over all images in this set's order, the same in every epoch (for evaluation)
     */
    public DataSetIterator iterator(int batchSize) {
        return new LabeledImageIterator(this, batchSize, null);
    }

    /**
     * @param batchSize the number of images per batch, positive
     * @param seed      the seed of the order
     * @return an iterator over all images that draws a new random order on every {@code reset()} (for training);
     *     the sequence of orders depends only on the seed
     */
    public DataSetIterator shuffledIterator(int batchSize, long seed) {
        return new LabeledImageIterator(this, batchSize, new Random(seed));
    }

    /** Copies the image at {@code index}, normalized, into {@code target} from {@code offset} on. */
    void copyImage(int index, float[] target, int offset) {
        images.copyNormalized(selection[Objects.checkIndex(index, size())], normalization, target, offset);
    }

    /** Shuffles in place (Fisher-Yates). */
    static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
