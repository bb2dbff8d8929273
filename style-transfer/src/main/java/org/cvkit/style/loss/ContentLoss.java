package org.cvkit.style.loss;

import java.util.Arrays;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The content loss at one layer, relative to the content image's activations: {@code ||F - P||^2 / ||P||^2} for the
 * generated image's activations {@code F} and the content image's {@code P}. This is the course's
 * {@code ||a(C) - a(G)||^2} divided by a constant that makes it independent of the network's activation scale, so
 * one set of loss weights suits every loss network.
 */
public final class ContentLoss implements AutoCloseable {

    private final INDArray target;
    private final double targetSquaredNorm;

    /**
     * @param target the content image's activations at the content layer (copied outside any workspace)
     * @throws IllegalArgumentException if they are all zero, which leaves nothing to compare against
     */
    public ContentLoss(INDArray target) {
        double norm = target.norm2Number().doubleValue();
        this.targetSquaredNorm = norm * norm;
        if (!(targetSquaredNorm > 0)) {
            throw new IllegalArgumentException("the content image gives no activation at the content layer; choose"
                    + " another layer or image");
        }
        try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            this.target = target.dup(); // outlives any workspace the activations live in
        }
    }

    /**
     * @param features the generated image's activations, shaped as the target
     * @return the loss and its gradient {@code 2 (F - P) / ||P||^2}
     * @throws IllegalArgumentException if the shapes differ
     */
    public FeatureLoss evaluate(INDArray features) {
        if (!features.equalShapes(target)) {
            throw new IllegalArgumentException("activations of shape " + Arrays.toString(features.shape())
                    + " cannot be compared with content activations of shape " + Arrays.toString(target.shape()));
        }
        INDArray difference = features.sub(target);
        double value = difference.norm2Number().doubleValue();
        return new FeatureLoss(value * value / targetSquaredNorm, difference.muli(2 / targetSquaredNorm));
    }

    /** Releases the stored target. */
    @Override
    public void close() {
        target.close();
    }
}
