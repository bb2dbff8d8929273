package org.cvkit.style;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Where the optimization starts. */
public enum Initialization {
    /** The content image itself: the layout is there from the start, style is added. */
    CONTENT,
    /** Uniform noise in [0, 1] drawn from the seed, as in Gatys et al. */
    NOISE,
    /** The mean of the content image and seeded noise. */
    MIX;

    /**
     * @param content the content image {@code [1, 3, H, W]} with values in [0, 1]
     * @param seed    seed of the noise
     * @return a new starting image shaped as the content image
     */
    public INDArray create(INDArray content, long seed) {
        if (this == CONTENT) {
            return content.dup();
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[Math.toIntExact(content.length())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble();
        }
        INDArray noise = Nd4j.create(values, content.shape(), 'c').castTo(content.dataType());
        return this == NOISE ? noise : noise.addi(content).muli(0.5);
    }
}
