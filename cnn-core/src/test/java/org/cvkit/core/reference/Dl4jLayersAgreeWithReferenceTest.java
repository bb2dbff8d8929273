package org.cvkit.core.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's convolution and pooling layers, forward and backward, against the plain-Java reference, with the oneDNN
 * helpers the tests (and cvkit) enable: they compute single precision and hand double precision to DL4J's own code.
 */
class Dl4jLayersAgreeWithReferenceTest {

    private static final double TOLERANCE = 1e-9;
    private static final double FLOAT_TOLERANCE = 1e-5;
    private static final LayerWorkspaceMgr NO_WORKSPACES = LayerWorkspaceMgr.noWorkspaces();

    @Test
    void lectureExampleThroughDl4j() {
        Layer conv = convolution(DataType.DOUBLE, 1, 1, 2, 1, 0, 3, 3);
        conv.setParam("W", Nd4j.create(new double[][][][] {{ReferenceConvolution.rotate180(
                new double[][] {{1, 1}, {2, 0}})}}));
        conv.setParam("b", Nd4j.zeros(DataType.DOUBLE, conv.getParam("b").shape()));
        INDArray x = Nd4j.create(new double[][][][] {{{{0.1, 0.2, 0.3}, {0.4, 0.5, 0.6}, {0.7, 0.8, 0.9}}}});
        conv.setInput(x, NO_WORKSPACES);
        assertVolume(conv.activate(false, NO_WORKSPACES), new double[][][] {{{1.3, 1.7}, {2.5, 2.9}}}, TOLERANCE);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2} filters {3}x{3}, stride {4}, padding {5}, input {6}x{7}")
    @CsvSource({"DOUBLE,1,1,2,1,0,3,3", "DOUBLE,3,4,3,1,1,6,6", "DOUBLE,2,3,3,2,1,7,7", "DOUBLE,2,2,5,2,2,9,9",
            "DOUBLE,3,2,1,1,0,4,5", "FLOAT,3,4,3,1,1,6,6", "FLOAT,2,3,3,2,1,7,7", "FLOAT,3,2,1,1,0,4,5"})
    void convolutionForwardAndBackward(DataType type, int channels, int filters, int window, int stride, int padding,
                                       int height, int width) {
        double tolerance = tolerance(type);
        Random random = new Random(channels * 31L + filters);
        double[][][] input = ReferenceConvolutionTest.randomVolume(random, channels, height, width);
        double[][][][] weights = new double[filters][][][];
        for (int k = 0; k < filters; k++) {
            weights[k] = ReferenceConvolutionTest.randomVolume(random, channels, window, window);
        }
        double[] bias = random.doubles(filters).toArray();

        Layer conv = convolution(type, channels, filters, window, stride, padding, height, width);
        conv.setParam("W", Nd4j.create(weights).castTo(type));
        conv.setParam("b", Nd4j.create(bias).reshape(conv.getParam("b").shape()).castTo(type));
        conv.setInput(Nd4j.create(new double[][][][] {input}).castTo(type), NO_WORKSPACES);
        INDArray output = conv.activate(true, NO_WORKSPACES);
        double[][][] expected = ReferenceConvolution.crossCorrelate(input, weights, bias, stride, padding);
        assertVolume(output, expected, tolerance);

        double[][][] outputGradient = ReferenceConvolutionTest.randomVolume(
                random, filters, expected[0].length, expected[0][0].length);
        Pair<Gradient, INDArray> backward = conv.backpropGradient(
                Nd4j.create(new double[][][][] {outputGradient}).castTo(type), NO_WORKSPACES);
        assertVolume(backward.getSecond(),
                ReferenceConvolution.inputGradient(outputGradient, weights, stride, padding, height, width), tolerance);
        INDArray filterGradient = backward.getFirst().getGradientFor("W");
        double[][][][] expectedFilterGradient =
                ReferenceConvolution.filterGradient(input, outputGradient, window, stride, padding);
        for (int k = 0; k < filters; k++) {
            assertVolume(filterGradient.slice(k).reshape(1, channels, window, window), expectedFilterGradient[k],
                    tolerance);
        }
        assertThat(backward.getFirst().getGradientFor("b").reshape(-1).toDoubleVector())
                .containsExactly(ReferenceConvolution.biasGradient(outputGradient), within(tolerance));
        assertThat(conv.getHelper()).as("oneDNN helper").isNotNull();
    }

    @ParameterizedTest(name = "{0}: {1} pooling {2}x{2} stride {3} on {4}x{4}")
    @CsvSource({"DOUBLE,MAX,2,2,8", "DOUBLE,MAX,3,2,7", "DOUBLE,AVG,2,2,6", "DOUBLE,AVG,3,1,5", "FLOAT,MAX,3,2,7",
            "FLOAT,AVG,2,2,6"})
    void poolingForwardAndBackward(DataType dataType, SubsamplingLayer.PoolingType type, int window, int stride,
                                   int size) {
        double tolerance = tolerance(dataType);
        Random random = new Random(window * 7L + stride);
        double[][][] input = ReferenceConvolutionTest.randomVolume(random, 2, size, size);
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .dataType(dataType)
                .list()
                .layer(new SubsamplingLayer.Builder(type).kernelSize(window, window).stride(stride, stride)
                        .convolutionMode(ConvolutionMode.Truncate).build())
                .setInputType(InputType.convolutional(size, size, 2))
                .build());
        net.init();
        Layer pool = net.getLayer(0);
        pool.setInput(Nd4j.create(new double[][][][] {input}).castTo(dataType), NO_WORKSPACES);
        boolean max = type == SubsamplingLayer.PoolingType.MAX;
        double[][][] expected = max ? ReferencePooling.max(input, window, stride)
                : ReferencePooling.average(input, window, stride);
        assertVolume(pool.activate(true, NO_WORKSPACES), expected, tolerance);

        double[][][] outputGradient = ReferenceConvolutionTest.randomVolume(
                random, 2, expected[0].length, expected[0][0].length);
        INDArray inputGradient = pool.backpropGradient(
                Nd4j.create(new double[][][][] {outputGradient}).castTo(dataType), NO_WORKSPACES).getSecond();
        assertVolume(inputGradient, max ? ReferencePooling.maxBackward(input, outputGradient, window, stride)
                : ReferencePooling.averageBackward(outputGradient, window, stride, size, size), tolerance);
        assertThat(pool.getHelper()).as("oneDNN helper").isNotNull();
    }

    private static double tolerance(DataType type) {
        return type == DataType.DOUBLE ? TOLERANCE : FLOAT_TOLERANCE;
    }

    private static Layer convolution(DataType type, int channels, int filters, int window, int stride, int padding,
                                     int height, int width) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .dataType(type)
                .list()
                .layer(new ConvolutionLayer.Builder(window, window).nOut(filters).stride(stride, stride)
                        .padding(padding, padding).convolutionMode(ConvolutionMode.Truncate)
                        .activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutional(height, width, channels))
                .build());
        net.init();
        net.initGradientsView();
        return net.getLayer(0);
    }

    private static void assertVolume(INDArray actual, double[][][] expected, double tolerance) {
        assertThat(actual.shape()).containsExactly(1, expected.length, expected[0].length, expected[0][0].length);
        for (int c = 0; c < expected.length; c++) {
            for (int y = 0; y < expected[c].length; y++) {
                for (int x = 0; x < expected[c][y].length; x++) {
                    assertThat(actual.getDouble(0, c, y, x)).as("at [%d][%d][%d]", c, y, x)
                            .isCloseTo(expected[c][y][x], within(tolerance));
                }
            }
        }
    }
}
