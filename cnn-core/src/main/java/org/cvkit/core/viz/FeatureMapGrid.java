package org.cvkit.core.viz;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeSet;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Pictures of the activation maps a layer produces for one input: one grey tile per channel, each min-max
 * normalized on its own (a constant map, such as a dead ReLU channel, is black), laid out {@code ceil(sqrt(n))} per
 * row with 1-pixel white lines between them. Activations are read in DL4J's default NCHW layout.
 */
public final class FeatureMapGrid {

    private FeatureMapGrid() {
    }

    /**
     * Runs one input through a network in inference mode.
     *
     * @param network    the network
     * @param layerIndex the layer whose output to return, 0-based
     * @param input      one input as the network takes it, for example {@code [1, 1, 28, 28]}
     * @return the layer's activations
     * @throws IllegalArgumentException if there is no such layer
     */
    public static INDArray activations(MultiLayerNetwork network, int layerIndex, INDArray input) {
        int layers = network.getnLayers();
        if (layerIndex < 0 || layerIndex >= layers) {
            throw new IllegalArgumentException("layer index must be in 0.." + (layers - 1) + " but is " + layerIndex);
        }
        return network.feedForwardToLayer(layerIndex, input, false).get(layerIndex + 1);
    }

    /**
     * Runs one input through a single-input graph in inference mode.
     *
     * @param graph     the graph
     * @param layerName the vertex whose output to return
     * @param input     one input as the graph takes it
     * @return the vertex's activations
     * @throws IllegalArgumentException if there is no such vertex; the message lists the names
     */
    public static INDArray activations(ComputationGraph graph, String layerName, INDArray input) {
        Map<String, INDArray> activations = graph.feedForward(input, false);
        INDArray result = activations.get(layerName);
        if (result == null) {
            throw new IllegalArgumentException("the graph has no vertex '" + layerName + "'; choose one of "
                    + new TreeSet<>(activations.keySet()));
        }
        return result;
    }

    /**
     * @param activations one input's activations {@code [1, channels, height, width]}
     * @param scale       how many pixels each activation becomes in each direction, positive
     * @return the grid picture
     * @throws IllegalArgumentException if the activations do not have that shape or the scale is not positive
     */
    public static BufferedImage render(INDArray activations, int scale) {
        long[] shape = activations.shape();
        if (shape.length != 4 || shape[0] != 1) {
            throw new IllegalArgumentException("activations must be [1, channels, height, width] but have shape "
                    + Arrays.toString(shape) + "; pass one input and choose a convolution or pooling layer");
        }
        return TileGrid.render(activations.reshape('c', shape[1], 1, shape[2], shape[3]), scale);
    }

    /**
     * Renders activation maps and writes them as a PNG file, atomically.
     *
     * @param activations one input's activations {@code [1, channels, height, width]}
     * @param scale       how many pixels each activation becomes in each direction, positive
     * @param png         the file to write; replaced if it exists
     * @throws IOException if the file cannot be written
     */
    public static void write(INDArray activations, int scale, Path png) throws IOException {
        TileGrid.writePng(render(activations, scale), png);
    }
}
