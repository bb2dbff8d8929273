package org.cvkit.style.network;

import java.util.Arrays;
import java.util.List;
import org.cvkit.zoo.format.ModelFormatException;
import org.cvkit.zoo.format.WeightTensor;
import org.cvkit.zoo.format.keras.KerasLayerWeights;
import org.cvkit.zoo.format.keras.KerasWeights;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Copies Keras VGG weights ({@code vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5} and the like) into a DL4J
 * graph whose convolutions carry the Keras layer names. A Keras kernel is {@code [kh, kw, in, out]} (TensorFlow
 * dimension ordering); DL4J's is {@code [out, in, kh, kw]}. Biases are {@code [out]}. Kernel and bias are told
 * apart by rank, so Keras 1 ({@code block1_conv1_W_1:0}) and Keras 2 ({@code block1_conv1/kernel:0}) names both work.
 */
public final class KerasVggWeights {

    private KerasVggWeights() {
    }

    /**
     * @param graph   a graph whose convolution layers are named as the Keras layers
     * @param weights the Keras file's content
     * @throws ModelFormatException if a convolution has no layer in the file, or a kernel or bias is missing or
     *                              has another shape than the graph's
     */
    public static void load(ComputationGraph graph, KerasWeights weights) {
        for (GraphVertex vertex : graph.getVertices()) {
            if (vertex.hasLayer() && vertex.getLayer() instanceof ConvolutionLayer) {
                load(vertex.getLayer(), layerWeights(weights, vertex.getVertexName()));
            }
        }
    }

    private static KerasLayerWeights layerWeights(KerasWeights weights, String name) {
        try {
            return weights.layer(name);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("the Keras weights lack convolution " + name + ": " + e.getMessage(), e);
        }
    }

    private static void load(Layer layer, KerasLayerWeights keras) {
        WeightTensor kernel = ofRank(keras, 4, "kernel");
        WeightTensor bias = ofRank(keras, 1, "bias");
        INDArray w = layer.getParam("W");
        INDArray b = layer.getParam("b");
        long[] expected = {w.size(2), w.size(3), w.size(1), w.size(0)};
        if (!Arrays.equals(kernel.shape(), expected) || bias.shape()[0] != b.length()) {
            throw new ModelFormatException("Keras layer " + keras.layerName() + " has kernel "
                    + Arrays.toString(kernel.shape()) + " and bias " + Arrays.toString(bias.shape())
                    + " but the network needs " + Arrays.toString(expected) + " and [" + b.length() + "]; is it"
                    + " the weight file of another network?");
        }
        try (INDArray kernelArray = kernel.toNdArray(); INDArray biasArray = bias.toNdArray()) {
            w.assign(kernelArray.permute(3, 2, 0, 1));
            b.assign(biasArray.reshape(b.shape()));
        }
    }

    private static WeightTensor ofRank(KerasLayerWeights keras, int rank, String role) {
        List<WeightTensor> found = keras.weights().stream().filter(tensor -> tensor.shape().length == rank).toList();
        if (found.size() != 1) {
            throw new ModelFormatException("Keras layer " + keras.layerName() + " must hold one " + role + " of rank "
                    + rank + " but holds " + keras.weights());
        }
        return found.get(0);
    }
}
