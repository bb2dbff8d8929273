package org.cvkit.core.viz;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.Convolution2D;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Pictures of convolution filters, typically the first layer's, where they look like the edge and colour detectors
 * of the course's "what a network learned" slides.
 *
 * <p>Each filter becomes one tile, min-max normalized on its own (the most negative weight is black, the most
 * positive white). Filters over 3 input channels are drawn in colour with channel 0 as red, 1 as green and 2 as blue;
 * filters over 1 channel in grey; filters over any other number of channels as one grey tile per channel, each
 * normalized on its own. Tiles are laid out {@code ceil(sqrt(n))} per row with 1-pixel white lines between them.
 */
public final class FilterGrid {

    private static final Set<Class<?>> PLAIN_CONVOLUTIONS = Set.of(ConvolutionLayer.class, Convolution2D.class);

    private FilterGrid() {
    }

    /**
     * @param network a network with at least one 2-D convolution layer
     * @return the weights of its first 2-D convolution layer, {@code [filters, channels, height, width]}
     * @throws IllegalArgumentException if the network has no 2-D convolution layer
     */
    public static INDArray firstConvolutionWeights(MultiLayerNetwork network) {
        return firstConvolutionWeights(network.getLayers());
    }

    /**
     * @param graph a graph with at least one 2-D convolution layer
     * @return the weights of its first 2-D convolution layer in topological order,
     *     {@code [filters, channels, height, width]}
     * @throws IllegalArgumentException if the graph has no 2-D convolution layer
     */
    public static INDArray firstConvolutionWeights(ComputationGraph graph) {
        return firstConvolutionWeights(graph.getLayers());
    }

    /**
     * @param weights convolution weights {@code [filters, channels, height, width]} (DL4J's layout)
     * @param scale   how many pixels each weight becomes in each direction, positive
     * @return the grid picture
     * @throws IllegalArgumentException if the weights are not 4-dimensional or the scale is not positive
     */
    public static BufferedImage render(INDArray weights, int scale) {
        long[] shape = weights.shape();
        if (shape.length != 4) {
            throw new IllegalArgumentException("convolution weights must be [filters, channels, height, width] but"
                    + " have shape " + Arrays.toString(shape));
        }
        boolean oneTilePerFilter = shape[1] == 1 || shape[1] == 3;
        INDArray tiles = oneTilePerFilter ? weights : weights.reshape('c', shape[0] * shape[1], 1, shape[2], shape[3]);
        return TileGrid.render(tiles, scale);
    }

    /**
     * Renders filters and writes them as a PNG file, atomically.
     *
     * @param weights convolution weights {@code [filters, channels, height, width]}
     * @param scale   how many pixels each weight becomes in each direction, positive
     * @param png     the file to write; replaced if it exists
     * @throws IOException if the file cannot be written
     */
    public static void write(INDArray weights, int scale, Path png) throws IOException {
        TileGrid.writePng(render(weights, scale), png);
    }

    private static INDArray firstConvolutionWeights(Layer[] layers) {
        for (Layer layer : layers) {
            if (PLAIN_CONVOLUTIONS.contains(layer.conf().getLayer().getClass())) {
                return layer.getParam(ConvolutionParamInitializer.WEIGHT_KEY);
            }
        }
        throw new IllegalArgumentException("the network has no 2-D convolution layer (ConvolutionLayer or"
                + " Convolution2D) whose filters could be drawn");
    }
}
