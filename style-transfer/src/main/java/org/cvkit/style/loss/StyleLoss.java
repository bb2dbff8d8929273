package org.cvkit.style.loss;

import java.util.Arrays;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The style loss at one layer: the squared distance between the normalized Gram matrices of the generated image
 * {@code Ĝ} and the style image {@code Â}, relative to the style's: {@code ||Ĝ - Â||^2 / ||Â||^2}. The
 * normalization by {@code C * M} and by {@code ||Â||^2} makes layers of any size and networks of any activation scale
 * contribute on the same footing; the style loss of a network is the weighted sum over its style layers.
 */
public final class StyleLoss implements AutoCloseable {

    private final INDArray targetGram;
    private final double targetSquaredNorm;

    /**
     * @param styleFeatures the style image's activations {@code [1, C, H, W]} at this layer
     * @throws IllegalArgumentException if they are all zero, which leaves no style to match
     */
    public StyleLoss(INDArray styleFeatures) {
        try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            this.targetGram = GramMatrix.normalized(styleFeatures); // outlives the activations' workspace
        }
        double norm = targetGram.norm2Number().doubleValue();
        this.targetSquaredNorm = norm * norm;
        if (!(targetSquaredNorm > 0)) {
            targetGram.close();
            throw new IllegalArgumentException("the style image gives no activation at a style layer; choose another"
                    + " layer or image");
        }
    }

    /**
     * @param features the generated image's activations {@code [1, C, H, W]}, with the style's channel count
     * @return the loss and its gradient {@code 4 (Ĝ - Â) F / (C M ||Â||^2)}, shaped as the activations
     * @throws IllegalArgumentException if the channel counts differ
     */
    public FeatureLoss evaluate(INDArray features) {
        long channels = targetGram.size(0);
        if (features.rank() != 4 || features.size(1) != channels) {
            throw new IllegalArgumentException("activations of shape " + Arrays.toString(features.shape())
                    + " do not have the " + channels + " channels of the style layer");
        }
        try (INDArray matrix = GramMatrix.asMatrix(features);
             INDArray difference = matrix.mmul(matrix.transpose()).divi(features.length()).subi(targetGram);
             INDArray product = difference.mmul(matrix)) {
            double norm = difference.norm2Number().doubleValue();
            INDArray gradient = Nd4j.create(features.dataType(), features.shape());
            gradient.reshape('c', product.shape()).assign(product)
                    .muli(4 / (features.length() * targetSquaredNorm));
            return new FeatureLoss(norm * norm / targetSquaredNorm, gradient);
        }
    }

    /** Releases the stored target. */
    @Override
    public void close() {
        targetGram.close();
    }
}
