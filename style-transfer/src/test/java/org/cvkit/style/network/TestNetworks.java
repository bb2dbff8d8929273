package org.cvkit.style.network;

import java.util.List;
import org.cvkit.core.image.ImageTensorFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A small loss network with the vertex kinds real backbones use (convolutions with ReLU, leaky ReLU and tanh, max
 * pooling, an element-wise sum, a channel concatenation and a layer read by two others), fast enough for
 * finite differences and whole transfers in tests.
 */
public final class TestNetworks {

    /** Smallest side the tiny network accepts. */
    public static final int MINIMUM_SIDE = 8;

    private TestNetworks() {
    }

    /**
     * @param type the data type of the weights (DOUBLE for finite differences)
     * @param seed seed of the weights
     * @return the graph: input, conv1 (ReLU), pool1, conv2a (leaky ReLU) and conv2b (tanh) in parallel, sum =
     *         conv2a + conv2b, concat = [conv2a, sum], conv3 (ReLU)
     */
    public static ComputationGraph tinyGraph(DataType type, long seed) {
        ComputationGraphConfiguration configuration = new NeuralNetConfiguration.Builder()
                .seed(seed).dataType(type).weightInit(WeightInit.RELU).convolutionMode(ConvolutionMode.Same)
                .graphBuilder()
                .addInputs("input")
                .setInputTypes(InputType.convolutional(16, 16, 3))
                .addLayer("conv1", conv(4, 3, Activation.RELU), "input")
                .addLayer("pool1", new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2)
                        .stride(2, 2).build(), "conv1")
                .addLayer("conv2a", new ConvolutionLayer.Builder(3, 3).nOut(6)
                        .activation(new ActivationLReLU(0.1)).build(), "pool1")
                .addLayer("conv2b", conv(6, 1, Activation.TANH), "pool1")
                .addVertex("sum", new ElementWiseVertex(ElementWiseVertex.Op.Add), "conv2a", "conv2b")
                .addVertex("concat", new MergeVertex(), "conv2a", "sum")
                .addLayer("conv3", conv(5, 3, Activation.RELU), "concat")
                .setOutputs("conv3")
                .build();
        ComputationGraph graph = new ComputationGraph(configuration);
        graph.init();
        // Positive biases keep most ReLUs active, so few finite differences straddle a kink.
        graph.getLayer("conv1").getParam("b").assign(0.1);
        graph.getLayer("conv3").getParam("b").assign(0.1);
        return graph;
    }

    /**
     * @param type the data type of the weights
     * @return the tiny graph as a loss network reading Caffe-style BGR input (so the format conversion is
     *         exercised), content at conv3, style at conv1, sum and conv3
     */
    public static LossNetwork tiny(DataType type) {
        return LossNetwork.builder("tiny", tinyGraph(type, 7), ImageTensorFormat.BGR_CAFFE, "conv3",
                        List.of(new StyleLayer("conv1", 0.5), new StyleLayer("sum", 0.3), new StyleLayer("conv3", 0.2)))
                .optMinimumSide(MINIMUM_SIDE).build();
    }

    /**
     * @param type   the data type
     * @param height image height
     * @param width  image width
     * @param seed   seed of the values
     * @return a new RGB image {@code [1, 3, height, width]} with uniform values in [0.1, 0.9]
     */
    public static INDArray randomImage(DataType type, int height, int width, long seed) {
        java.util.Random random = new java.util.Random(seed);
        double[] values = new double[3 * height * width];
        for (int i = 0; i < values.length; i++) {
            values[i] = 0.1 + 0.8 * random.nextDouble();
        }
        return Nd4j.create(values, new long[] {1, 3, height, width}, 'c').castTo(type);
    }

    private static ConvolutionLayer conv(int filters, int kernel, Activation activation) {
        return new ConvolutionLayer.Builder(kernel, kernel).nOut(filters).activation(activation).build();
    }
}
