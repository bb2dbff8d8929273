package org.cvkit.style.network;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.VertexIndices;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One forward pass of a {@link LossNetwork} over an image, holding the activations of the feature layers until
 * {@link #close()}. {@link #backward(Map)} back-propagates gradients given at the feature layers through the
 * network's own layers (each vertex's {@code doBackward}) down to the image.
 *
 * <p>A pass runs in a workspace that is reused by the next pass: the feature maps, and every array created on this
 * thread while the pass is open, are valid only until it is closed. Only one pass can be open per thread.
 */
public final class ForwardPass implements AutoCloseable {

    private final LossNetwork network;
    private final GraphVertex[] vertices;
    private final INDArray[] activations;
    private final DataType imageType;
    private final MemoryWorkspace workspace;
    private boolean closed;

    ForwardPass(LossNetwork network, INDArray image) {
        this.network = network;
        this.vertices = network.graph().getVertices();
        this.activations = new INDArray[vertices.length];
        this.imageType = image.dataType();
        this.workspace = PassWorkspaces.openPass();
        try {
            GraphPlan plan = network.plan();
            activations[plan.inputVertex()] = network.conversion().toNetwork(image, network.dataType());
            for (int index : plan.vertices()) {
                GraphVertex vertex = vertices[index];
                VertexIndices[] sources = vertex.getInputVertices();
                for (int j = 0; j < sources.length; j++) {
                    vertex.setInput(j, activations[sources[j].getVertexIndex()], PassWorkspaces.LAYERS);
                }
                activations[index] = vertex.doForward(false, PassWorkspaces.LAYERS);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * @param layer a content or style layer of the network
     * @return its activations {@code [1, C, H, W]}, valid until this pass is closed
     * @throws IllegalArgumentException if the layer is not one of the network's feature layers
     * @throws IllegalStateException    if the pass was closed
     */
    public INDArray feature(String layer) {
        requireOpen();
        Integer index = network.plan().layers().get(layer);
        if (index == null) {
            throw new IllegalArgumentException(layer + " is not a feature layer of " + network.name()
                    + "; the feature layers are " + network.plan().layers().keySet());
        }
        return activations[index];
    }

    /**
     * Back-propagates loss gradients given at feature layers to the image.
     *
     * @param featureGradients feature layer name to the loss gradient with respect to its activations (same shape)
     * @return the loss gradient with respect to the image, shaped and typed as the image; a new array outside the
     *         pass's workspace, which the caller owns
     * @throws IllegalArgumentException if a name is not a feature layer or a gradient's shape differs
     * @throws IllegalStateException    if the pass was closed
     */
    public INDArray backward(Map<String, INDArray> featureGradients) {
        requireOpen();
        INDArray[] epsilons = new INDArray[vertices.length];
        featureGradients.forEach((layer, gradient) -> {
            INDArray features = feature(layer);
            if (!features.equalShapes(gradient)) {
                throw new IllegalArgumentException("the gradient for " + layer + " has shape "
                        + Arrays.toString(gradient.shape()) + " but the layer outputs "
                        + Arrays.toString(features.shape()));
            }
            accumulate(epsilons, network.plan().layers().get(layer), gradient);
        });
        int[] order = network.plan().vertices();
        for (int k = order.length - 1; k >= 0; k--) {
            int index = order[k];
            if (epsilons[index] == null) {
                continue;
            }
            GraphVertex vertex = vertices[index];
            vertex.setEpsilon(epsilons[index]);
            INDArray[] sourceEpsilons = vertex.doBackward(false, PassWorkspaces.LAYERS).getSecond();
            VertexIndices[] sources = vertex.getInputVertices();
            for (int j = 0; j < sources.length; j++) {
                accumulate(epsilons, sources[j].getVertexIndex(), sourceEpsilons[j]);
            }
        }
        INDArray inputGradient = epsilons[network.plan().inputVertex()];
        Objects.requireNonNull(inputGradient, "no gradient reached the input; are the feature layers connected?");
        try (MemoryWorkspace outside = PassWorkspaces.detached()) {
            return network.conversion().toImageGradient(inputGradient, imageType);
        }
    }

    private static void accumulate(INDArray[] epsilons, int index, INDArray epsilon) {
        epsilons[index] = epsilons[index] == null ? epsilon : epsilons[index].add(epsilon);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this forward pass was closed");
        }
    }

    /** Drops the graph's references to this pass's arrays and releases its workspace for the next pass. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int index : network.plan().vertices()) {
            vertices[index].clear();
        }
        workspace.close();
    }
}
