package org.cvkit.style.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cvkit.core.arch.Vgg;
import org.cvkit.core.reference.ReferenceConvolution;
import org.cvkit.zoo.format.ModelFormatException;
import org.cvkit.zoo.format.WeightTensor;
import org.cvkit.zoo.format.keras.KerasLayerWeights;
import org.cvkit.zoo.format.keras.KerasWeights;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The ImageNet weights are download-only, so the import is checked on Keras weights built in memory in the file's
 * layout ({@code [kh, kw, in, out]} kernels, Keras 2 names): the first two layers of the loaded network must equal
 * the plain-Java reference convolution (plus ReLU) computed straight from the Keras arrays.
 */
class KerasVggWeightsTest {

    private static final int[][] VGG16_CONVOLUTIONS = {{3, 64}, {64, 64}, {64, 128}, {128, 128}, {128, 256},
            {256, 256}, {256, 256}, {256, 512}, {512, 512}, {512, 512}, {512, 512}, {512, 512}, {512, 512}};
    private static final int SIDE = 32;

    private static KerasWeights keras;

    @BeforeAll
    static void kerasWeightsInMemory() {
        Random random = new Random(11);
        List<KerasLayerWeights> layers = new ArrayList<>();
        int[] convsPerBlock = {2, 2, 3, 3, 3};
        int index = 0;
        for (int block = 1; block <= 5; block++) {
            for (int conv = 1; conv <= convsPerBlock[block - 1]; conv++, index++) {
                int in = VGG16_CONVOLUTIONS[index][0];
                int out = VGG16_CONVOLUTIONS[index][1];
                String name = "block" + block + "_conv" + conv;
                layers.add(new KerasLayerWeights(name, List.of(
                        tensor(name + "/kernel:0", new long[] {3, 3, in, out}, random, 0.05),
                        tensor(name + "/bias:0", new long[] {out}, random, 0.5))));
            }
            layers.add(new KerasLayerWeights("block" + block + "_pool", List.of()));
        }
        keras = new KerasWeights(layers);
    }

    @Test
    void firstLayersEqualTheReferenceConvolutionOfTheKerasArrays() {
        ComputationGraph graph = LossNetworks.graphOf(Vgg.builder(Vgg.Depth.VGG_16).optIncludeTop(false).build());
        KerasVggWeights.load(graph, keras);
        LossNetwork network = LossNetwork.builder("vgg16", graph, org.cvkit.core.image.ImageTensorFormat.BGR_CAFFE,
                "block1_conv2", List.of(new StyleLayer("block1_conv1", 1))).build();
        INDArray image = TestNetworks.randomImage(org.nd4j.linalg.api.buffer.DataType.FLOAT, SIDE, SIDE, 3);

        double[][][] input = caffeInput(image);
        double[][][] conv1 = reluConvolution(input, "block1_conv1");
        double[][][] conv2 = reluConvolution(conv1, "block1_conv2");
        try (ForwardPass pass = network.forward(image)) {
            assertClose(pass.feature("block1_conv1"), conv1, 1e-3);
            assertClose(pass.feature("block1_conv2"), conv2, 2e-3);
        }
    }

    @Test
    void rejectsWeightsWithoutALayerOrOfAnotherShape() {
        ComputationGraph graph = LossNetworks.graphOf(Vgg.builder(Vgg.Depth.VGG_19).optIncludeTop(false).build());
        assertThatThrownBy(() -> KerasVggWeights.load(graph, keras))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("block3_conv4");

        List<KerasLayerWeights> wrong = new ArrayList<>(keras.layers());
        wrong.set(0, new KerasLayerWeights("block1_conv1", List.of(
                tensor("block1_conv1/kernel:0", new long[] {3, 3, 1, 64}, new Random(1), 1),
                tensor("block1_conv1/bias:0", new long[] {64}, new Random(1), 1))));
        ComputationGraph vgg16 = LossNetworks.graphOf(Vgg.builder(Vgg.Depth.VGG_16).optIncludeTop(false).build());
        assertThatThrownBy(() -> KerasVggWeights.load(vgg16, new KerasWeights(wrong)))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("[3, 3, 1, 64]")
                .hasMessageContaining("[3, 3, 3, 64]");

        wrong.set(0, new KerasLayerWeights("block1_conv1", List.of()));
        assertThatThrownBy(() -> KerasVggWeights.load(vgg16, new KerasWeights(wrong)))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("one kernel of rank 4");
    }

    @Test
    void aMissingWeightFileIsReportedAsSuch(@TempDir Path folder) {
        assertThatThrownBy(() -> LossNetworks.vgg16ImageNet(folder.resolve("vgg16.h5")))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("vgg16.h5");
    }

    /** BGR levels minus the Caffe means, computed independently of the network's conversion. */
    private static double[][][] caffeInput(INDArray rgb) {
        double[] means = {103.939, 116.779, 123.68};
        double[][][] input = new double[3][SIDE][SIDE];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    input[c][y][x] = 255 * rgb.getDouble(0, 2 - c, y, x) - means[c];
                }
            }
        }
        return input;
    }

    /** Keras kernel [kh][kw][in][out] regrouped by hand as filters [out][in][kh][kw], convolved, then ReLU. */
    private static double[][][] reluConvolution(double[][][] input, String layer) {
        WeightTensor kernel = keras.layer(layer).weights().get(0);
        WeightTensor bias = keras.layer(layer).weights().get(1);
        long[] shape = kernel.shape();
        int in = (int) shape[2];
        int out = (int) shape[3];
        double[][][][] filters = new double[out][in][3][3];
        for (int ky = 0; ky < 3; ky++) {
            for (int kx = 0; kx < 3; kx++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        filters[o][i][ky][kx] = kernel.get(((ky * 3 + kx) * in + i) * out + o);
                    }
                }
            }
        }
        double[] biases = new double[out];
        for (int o = 0; o < out; o++) {
            biases[o] = bias.get(o);
        }
        double[][][] result = ReferenceConvolution.crossCorrelate(input, filters, biases, 1, 1);
        for (double[][] map : result) {
            for (double[] row : map) {
                for (int x = 0; x < row.length; x++) {
                    row[x] = Math.max(0, row[x]);
                }
            }
        }
        return result;
    }

    private static void assertClose(INDArray actual, double[][][] expected, double tolerance) {
        assertThat(actual.shape()).containsExactly(1, expected.length, expected[0].length, expected[0][0].length);
        for (int c = 0; c < expected.length; c++) {
            for (int y = 0; y < expected[c].length; y++) {
                for (int x = 0; x < expected[c][y].length; x++) {
                    assertThat(actual.getDouble(0, c, y, x)).isCloseTo(expected[c][y][x],
                            within(tolerance * Math.max(1, Math.abs(expected[c][y][x]))));
                }
            }
        }
    }

    private static WeightTensor tensor(String name, long[] shape, Random random, double scale) {
        long size = 1;
        for (long dimension : shape) {
            size *= dimension;
        }
        float[] values = new float[(int) size];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (scale * random.nextGaussian());
        }
        return WeightTensor.of(name, shape, values);
    }
}
