package org.cvkit.core.data;

import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training-time augmentation of NCHW image batches: each image is mirrored left to right with probability 1/2
 * and moved by a whole number of pixels, up to {@code maxShift} in each direction, the border pixels filling in
 * what moves into view. Suits images whose classes do not change under mirroring, such as Fashion-MNIST's
 * clothes (but not digits). The labels are left alone. Draws are reproducible from the seed.
 */
public final class RandomMirrorShift implements DataSetPreProcessor {

    private static final long serialVersionUID = 1L;

    private final int maxShift;
    private final Random random;

    /**
     * @param maxShift the largest move in pixels, 0 for mirroring only
     * @param seed     seed of the draws
     * @throws IllegalArgumentException if maxShift is negative
     */
    public RandomMirrorShift(int maxShift, long seed) {
        if (maxShift < 0) {
            throw new IllegalArgumentException("the largest shift must be 0 or more pixels, not " + maxShift);
        }
        this.maxShift = maxShift;
        this.random = new Random(seed);
    }

    /** Replaces the batch's features by their mirrored and shifted copies. */
    @Override
    public void preProcess(DataSet batch) {
        INDArray features = batch.getFeatures();
        if (features.rank() != 4) {
            throw new IllegalArgumentException("image batches are NCHW with rank 4, not shape "
                    + java.util.Arrays.toString(features.shape()));
        }
        int images = (int) features.size(0);
        int channels = (int) features.size(1);
        int height = (int) features.size(2);
        int width = (int) features.size(3);
        float[] source = features.dup('c').data().asFloat();
        float[] target = new float[source.length];
        int plane = height * width;
        for (int image = 0; image < images; image++) {
            boolean mirror = random.nextBoolean();
            int dx = random.nextInt(2 * maxShift + 1) - maxShift;
            int dy = random.nextInt(2 * maxShift + 1) - maxShift;
            for (int channel = 0; channel < channels; channel++) {
                int offset = (image * channels + channel) * plane;
                for (int y = 0; y < height; y++) {
                    int sourceRow = clamp(y - dy, height) * width + offset;
                    for (int x = 0; x < width; x++) {
                        int sourceX = clamp(x - dx, width);
                        target[offset + y * width + x] = source[sourceRow + (mirror ? width - 1 - sourceX : sourceX)];
                    }
                }
            }
        }
        batch.setFeatures(Nd4j.create(target, features.shape(), 'c').castTo(features.dataType()));
    }

    private static int clamp(int value, int size) {
        return Math.min(Math.max(value, 0), size - 1);
    }
}
