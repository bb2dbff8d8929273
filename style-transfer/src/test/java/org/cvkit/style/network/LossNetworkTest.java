package org.cvkit.style.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cvkit.core.image.ImageTensorFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The backward pass is checked against central finite differences of a linear functional of the features,
 * {@code f(x) = sum_l <R_l, a_l(x)>}, in double precision: its gradient is exactly what back-propagating R_l from
 * each feature layer must give.
 */
class LossNetworkTest {

    private static final List<String> LAYERS = List.of("conv1", "sum", "conv3");
    private static final double STEP = 1e-6;

    @Test
    void backwardMatchesFiniteDifferences() {
        LossNetwork network = TestNetworks.tiny(DataType.DOUBLE);
        INDArray image = TestNetworks.randomImage(DataType.DOUBLE, 12, 10, 1);
        Map<String, INDArray> directions = new HashMap<>();
        try (ForwardPass pass = network.forward(image)) {
            for (String layer : LAYERS) {
                directions.put(layer, pass.feature(layer).detach()); // a shape to fill outside the pass
            }
        }
        directions.replaceAll((layer, shape) -> Nd4j.rand(DataType.DOUBLE, shape.shape()).subi(0.5));
        INDArray gradient;
        try (ForwardPass pass = network.forward(image)) {
            gradient = pass.backward(directions);
        }
        assertThat(gradient.shape()).containsExactly(1, 3, 12, 10);
        Random random = new Random(3);
        for (int k = 0; k < 25; k++) {
            long[] at = {0, random.nextInt(3), random.nextInt(12), random.nextInt(10)};
            double numeric = (functional(network, image, directions, at, STEP)
                    - functional(network, image, directions, at, -STEP)) / (2 * STEP);
            assertThat(gradient.getDouble(at)).as("d f / d x at %s", java.util.Arrays.toString(at))
                    .isCloseTo(numeric, within(1e-5 * Math.max(1, Math.abs(numeric))));
        }
    }

    private static double functional(LossNetwork network, INDArray image, Map<String, INDArray> directions,
                                     long[] at, double shift) {
        INDArray shifted = image.dup();
        shifted.putScalar(at, image.getDouble(at) + shift);
        try (ForwardPass pass = network.forward(shifted)) {
            double sum = 0;
            for (Map.Entry<String, INDArray> entry : directions.entrySet()) {
                sum += pass.feature(entry.getKey()).mul(entry.getValue()).sumNumber().doubleValue();
            }
            return sum;
        }
    }

    @Test
    void featuresHaveTheLayersShapes() {
        LossNetwork network = TestNetworks.tiny(DataType.FLOAT);
        try (ForwardPass pass = network.forward(TestNetworks.randomImage(DataType.FLOAT, 16, 12, 2))) {
            assertThat(pass.feature("conv1").shape()).containsExactly(1, 4, 16, 12);
            assertThat(pass.feature("sum").shape()).containsExactly(1, 6, 8, 6);
            assertThat(pass.feature("conv3").shape()).containsExactly(1, 5, 8, 6);
        }
    }

    /* BGR_CAFFE: tensor channel 0 is blue minus 103.939; an RGB value x in [0, 1] is the level 255 x. */
    @Test
    void convertsTheImageToTheInputFormat() {
        ComputationGraph graph = TestNetworks.tinyGraph(DataType.DOUBLE, 7);
        LossNetwork network = LossNetwork.builder("identity", graph, ImageTensorFormat.BGR_CAFFE, "conv1",
                List.of(new StyleLayer("conv1", 1))).optMinimumSide(8).build();
        INDArray image = Nd4j.zeros(DataType.DOUBLE, 1, 3, 8, 8);
        image.putScalar(new long[] {0, 2, 0, 0}, 1.0); // blue at (0, 0)
        INDArray converted = new InputConversion(network.inputFormat()).toNetwork(image, DataType.DOUBLE);

        assertThat(converted.getDouble(0, 0, 0, 0)).isCloseTo(255 - 103.939, within(1e-9));
        assertThat(converted.getDouble(0, 2, 0, 0)).isCloseTo(-123.68, within(1e-9));
        assertThat(converted.getDouble(0, 1, 3, 3)).isCloseTo(-116.779, within(1e-9));
    }

    @Test
    void rejectsAnUnknownLayerNamingTheVertices() {
        ComputationGraph graph = TestNetworks.tinyGraph(DataType.FLOAT, 7);
        assertThatThrownBy(() -> LossNetwork.builder("tiny", graph, ImageTensorFormat.RGB_UNIT, "conv9",
                List.of(new StyleLayer("conv1", 1))).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no layer conv9").hasMessageContaining("conv2a");
    }

    @Test
    void rejectsBatchNormalizationOnTheWayToAFeatureLayer() {
        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder().graphBuilder()
                .addInputs("input").setInputTypes(InputType.convolutional(8, 8, 3))
                .addLayer("conv", new ConvolutionLayer.Builder(3, 3).nOut(2).build(), "input")
                .addLayer("bn", new BatchNormalization.Builder().build(), "conv")
                .setOutputs("bn").build());
        graph.init();

        assertThatThrownBy(() -> LossNetwork.builder("bn", graph, ImageTensorFormat.RGB_UNIT, "bn",
                List.of(new StyleLayer("conv", 1))).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch normalization");
    }

    @Test
    void rejectsAGreyInputFormat() {
        ImageTensorFormat grey = new ImageTensorFormat(org.cvkit.core.image.ChannelOrder.RGB,
                org.cvkit.core.image.Normalization.of(1, new double[] {0.5, 0.5}, new double[] {1, 1}));
        assertThatThrownBy(() -> LossNetwork.builder("grey", TestNetworks.tinyGraph(DataType.FLOAT, 7), grey,
                "conv1", List.of(new StyleLayer("conv1", 1))).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("three channels");
    }

    @Test
    void rejectsNoOrRepeatedStyleLayers() {
        ComputationGraph graph = TestNetworks.tinyGraph(DataType.FLOAT, 7);
        assertThatThrownBy(() -> LossNetwork.builder("tiny", graph, ImageTensorFormat.RGB_UNIT, "conv1", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one style layer");
        assertThatThrownBy(() -> LossNetwork.builder("tiny", graph, ImageTensorFormat.RGB_UNIT, "conv1",
                List.of(new StyleLayer("conv1", 1), new StyleLayer("conv1", 2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("distinct");
        assertThatThrownBy(() -> new StyleLayer("conv1", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }

    @Test
    void rejectsImagesOfTheWrongShapeOrTooSmall() {
        LossNetwork network = TestNetworks.tiny(DataType.FLOAT);
        assertThatThrownBy(() -> network.forward(Nd4j.zeros(DataType.FLOAT, 1, 1, 16, 16)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[1, 1, 16, 16]");
        assertThatThrownBy(() -> network.forward(Nd4j.zeros(DataType.FLOAT, 1, 3, 16, 7)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 8x8")
                .hasMessageContaining("7x16");
    }

    @Test
    void onePassIsOpenAtATime() {
        LossNetwork network = TestNetworks.tiny(DataType.FLOAT);
        INDArray image = TestNetworks.randomImage(DataType.FLOAT, 8, 8, 4);
        try (ForwardPass pass = network.forward(image)) {
            assertThatThrownBy(() -> network.forward(image))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("already open");
            assertThatThrownBy(() -> pass.feature("pool1"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a feature layer");
        }
        ForwardPass closed = network.forward(image);
        closed.close();
        assertThatThrownBy(() -> closed.feature("conv3")).isInstanceOf(IllegalStateException.class);
    }

    /* The gradient is created outside the pass's workspace, so it survives the pass. */
    @Test
    void theImageGradientOutlivesThePass() {
        LossNetwork network = TestNetworks.tiny(DataType.FLOAT);
        INDArray image = TestNetworks.randomImage(DataType.FLOAT, 8, 8, 4);
        INDArray gradient;
        try (ForwardPass pass = network.forward(image)) {
            gradient = pass.backward(Map.of("conv3", pass.feature("conv3").dup()));
        }
        assertThat(gradient.isAttached()).isFalse();
        double sum = gradient.sumNumber().doubleValue();
        try (ForwardPass next = network.forward(TestNetworks.randomImage(DataType.FLOAT, 8, 8, 5))) {
            next.feature("conv1").assign(0);
        }
        assertThat(gradient.sumNumber().doubleValue()).isEqualTo(sum);
    }

    @Test
    void withLayersKeepsTheGraphAndChangesTheChoice() {
        LossNetwork network = TestNetworks.tiny(DataType.FLOAT);
        LossNetwork other = network.withLayers("sum", List.of(new StyleLayer("conv1", 1)));

        assertThat(other.graph()).isSameAs(network.graph());
        assertThat(other.contentLayer()).isEqualTo("sum");
        assertThat(other.minimumSide()).isEqualTo(TestNetworks.MINIMUM_SIDE);
    }
}
