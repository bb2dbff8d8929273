package org.cvkit.detection.darknet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.detection.geometry.BoxShape;
import org.cvkit.detection.yolo.YoloV3Head;
import org.cvkit.zoo.format.ModelFormatException;
import org.cvkit.zoo.format.darknet.CfgSection;
import org.cvkit.zoo.format.darknet.DarknetCfg;
import org.cvkit.zoo.format.darknet.DarknetShapes;
import org.cvkit.zoo.format.darknet.DarknetWeightsReader;
import org.cvkit.zoo.format.darknet.LayerShape;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DarknetImporterTest {

    /** A 1x1 linear convolution to 6 channels and a one-anchor, one-class [yolo] layer. */
    private static final String YOLO_TAIL = """
            [convolutional]
            filters=6
            size=1
            activation=linear

            [yolo]
            mask=0
            anchors=1,1
            classes=1
            """;

    @Test
    void foldsBatchNormalizationWithDarknetsEpsilonAndAppliesLeaky() {
        DarknetNetwork network = network(net(2, 1, 1) + """
                [convolutional]
                batch_normalize=1
                filters=1
                size=1
                activation=leaky
                """ + YOLO_TAIL, 0.5f, 2, 1, 3, 4);
        // y = scale * (w x - mean) / sqrt(variance + 0.00001) + beta, then leaky with slope 0.1 below zero
        double positive = 2 * (4 * 1 - 1) / Math.sqrt(3.00001) + 0.5;
        double negative = 0.1 * (2 * (4 * -1 - 1) / Math.sqrt(3.00001) + 0.5);
        INDArray out = activations(network, Nd4j.create(new float[] {1, -1}, 1, 1, 1, 2))
                .get("layer0_convolutional");
        assertThat(out.getDouble(0, 0, 0, 0)).isCloseTo(positive, within(1e-5));
        assertThat(out.getDouble(0, 0, 0, 1)).isCloseTo(negative, within(1e-5));
    }

    @Test
    void readsConvolutionKernelsAsOutputInputRowColumn() {
        // two input channels, one 1x1 filter with weights 3 (channel 0) and 5 (channel 1), bias 0.25
        DarknetNetwork network = network(net(1, 1, 2) + """
                [convolutional]
                filters=1
                size=1
                activation=linear
                """ + YOLO_TAIL, 0.25f, 3, 5);
        INDArray out = activations(network, Nd4j.create(new float[] {1, 10}, 1, 2, 1, 1)).get("layer0_convolutional");
        assertThat(out.getDouble(0, 0, 0, 0)).isCloseTo(1 * 3 + 10 * 5 + 0.25, within(1e-5));
    }

    @Test
    void importsDepthwiseConvolutionWithEachFilterOnItsOwnChannel() {
        float[] weights = new float[2 + 18];
        weights[0] = 0.5f;
        weights[1] = -1;
        for (int i = 0; i < 18; i++) {
            weights[2 + i] = i; // filter 0 holds 0..8, filter 1 holds 9..17, each row by row
        }
        DarknetNetwork network = network(net(2, 1, 2) + """
                [convolutional]
                filters=2
                groups=2
                size=3
                pad=1
                activation=linear
                """ + YOLO_TAIL, weights);
        // input row: channel 0 is [1, 2], channel 1 is [10, 20]; only the kernels' middle rows meet the input
        INDArray input = Nd4j.create(new float[] {1, 2, 10, 20}, 1, 2, 1, 2);
        INDArray out = activations(network, input).get("layer0_convolutional");
        assertThat(out.getDouble(0, 0, 0, 0)).isCloseTo(4 * 1 + 5 * 2 + 0.5, within(1e-4));
        assertThat(out.getDouble(0, 0, 0, 1)).isCloseTo(3 * 1 + 4 * 2 + 0.5, within(1e-4));
        assertThat(out.getDouble(0, 1, 0, 0)).isCloseTo(13 * 10 + 14 * 20 - 1, within(1e-4));
        assertThat(out.getDouble(0, 1, 0, 1)).isCloseTo(12 * 10 + 13 * 20 - 1, within(1e-4));
    }

    @Test
    void padsStrideOneMaxPoolingAfterTheInputWithMinusInfinity() {
        DarknetNetwork network = network(net(2, 2, 1) + """
                [maxpool]
                size=2
                stride=1
                """ + YOLO_TAIL);
        INDArray out = activations(network, Nd4j.create(new float[] {1, 5, 3, -2}, 1, 1, 2, 2)).get("layer0_maxpool");
        assertThat(values(out)).containsExactly(5, 5, 3, -2);
    }

    @Test
    void padsSppMaxPoolingOnBothSidesAndStrideTwoPoolingAfter() {
        DarknetNetwork network = network(net(3, 3, 1) + """
                [dropout]

                [maxpool]
                size=3
                stride=1

                [route]
                layers=0

                [maxpool]
                size=2
                stride=2
                """ + YOLO_TAIL);
        INDArray input = Nd4j.create(new float[] {-1, -2, -3, -4, -5, -6, -7, -8, -9}, 1, 1, 3, 3);
        Map<String, INDArray> activations = activations(network, input);
        assertThat(values(activations.get("layer1_maxpool")))
                .containsExactly(-1, -1, -2, -1, -1, -2, -4, -4, -5);
        assertThat(values(activations.get("layer3_maxpool"))).containsExactly(-1, -3, -7, -9);
    }

    @Test
    void joinsLayersWithShortcutRouteUpsampleAndRouteGroups() {
        DarknetNetwork network = network(net(1, 1, 1) + """
                [convolutional]
                filters=1
                size=1
                activation=linear

                [convolutional]
                filters=1
                size=1
                activation=linear

                [shortcut]
                from=-2
                activation=linear

                [route]
                layers=0,-1

                [dropout]
                probability=0.5

                [upsample]
                stride=2

                [route]
                layers=-1
                groups=2
                group_id=1
                """ + YOLO_TAIL, 0, 3, 1, 1);
        // layer 0: 3 * 2 = 6; layer 1: 6 + 1 = 7; shortcut: 7 + 6 = 13; route: [6, 13]; upsample: 2x2 each
        Map<String, INDArray> activations = activations(network, Nd4j.create(new float[] {2}, 1, 1, 1, 1));
        assertThat(activations.get("layer2_shortcut").getDouble(0)).isCloseTo(13, within(1e-5));
        assertThat(values(activations.get("layer5_upsample"))).containsExactly(6, 6, 6, 6, 13, 13, 13, 13);
        assertThat(values(activations.get("layer6_route"))).containsExactly(13, 13, 13, 13);
    }

    @Test
    void returnsTheRawConvolutionsBeforeEachYoloLayerWithTheirHeads() {
        String head = """
                [convolutional]
                filters=12
                size=1
                activation=linear

                [yolo]
                mask=1,2
                anchors=10,14, 23,27, 37,58
                classes=1
                scale_x_y=1.05
                """;
        float[] weights = new float[12 + 12 * 3];
        weights[0] = 7; // bias of the first output channel
        DarknetNetwork network = network(net(4, 2, 3) + head, weights);
        List<BoxShape> anchors = List.of(new BoxShape(10, 14), new BoxShape(23, 27), new BoxShape(37, 58));
        assertThat(network.heads()).containsExactly(new YoloV3Head(anchors, List.of(1, 2), 1, 1.05f));
        assertThat(network.outputNames()).containsExactly("layer0_convolutional");
        assertThat(network.inputSize()).isEqualTo(new ImageSize(4, 2));
        INDArray[] outputs = network.graph().output(Nd4j.zeros(1, 3, 2, 4));
        assertThat(outputs).hasSize(1);
        assertThat(outputs[0].shape()).containsExactly(1, 12, 2, 4);
        assertThat(outputs[0].getDouble(0, 0, 1, 3)).isEqualTo(7);
    }

    @Test
    void rejectsGroupedConvolutionsThatAreNotDepthwise() {
        assertRejected(net(1, 1, 4) + """
                [convolutional]
                filters=4
                groups=2
                size=1
                activation=linear
                """, "groups=2 over 4 input channels");
    }

    @Test
    void rejectsUnknownActivations() {
        assertRejected(net(1, 1, 1) + """
                [convolutional]
                filters=1
                size=1
                activation=swish
                """, "activation=swish");
    }

    @Test
    void rejectsSectionsItCannotImport() {
        assertRejected(net(2, 2, 1) + "[avgpool]\n", "[avgpool] cannot be imported");
    }

    @Test
    void rejectsMaxPoolingWithOtherThanDarknetsDefaultPadding() {
        assertRejected(net(4, 4, 1) + "[maxpool]\nsize=2\nstride=2\npadding=0\n", "padding=0");
    }

    @Test
    void rejectsMaxPoolingThatDl4jWouldPadDifferently() {
        assertRejected(net(4, 4, 1) + "[maxpool]\nsize=3\nstride=2\n", "pads differently");
    }

    @Test
    void rejectsShortcutsWithAnActivation() {
        assertRejected(net(1, 1, 1) + "[dropout]\n[dropout]\n[shortcut]\nfrom=-2\nactivation=leaky\n",
                "only a linear shortcut");
    }

    @Test
    void rejectsDownsampling() {
        assertRejected(net(4, 4, 1) + "[upsample]\nstride=-2\n", "stride=-2");
    }

    @Test
    void rejectsRouteGroupIdsOutsideTheGroups() {
        assertRejected(net(1, 1, 2) + "[dropout]\n[route]\nlayers=0\ngroups=2\ngroup_id=2\n",
                "group_id=2");
    }

    @Test
    void rejectsYoloLayersWhoseInputHasTheWrongChannels() {
        assertThatThrownBy(() -> network(net(1, 1, 5) + """
                [yolo]
                mask=0
                anchors=1,1
                classes=1
                """))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("needs 6 input channels");
    }

    @Test
    void rejectsNetworksWithoutYoloLayers() {
        assertThatThrownBy(() -> network(net(1, 1, 1) + "[dropout]\n"))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("has no [yolo] layer");
    }

    @Test
    void networkNeedsOneOutputPerHead() {
        DarknetNetwork network = network(net(1, 1, 1) + "[dropout]\n" + YOLO_TAIL);
        assertThatThrownBy(() -> new DarknetNetwork(network.graph(), network.inputSize(), List.of(),
                network.heads())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 outputs and 1 heads");
    }

    private static void assertRejected(String layers, String message) {
        assertThatThrownBy(() -> network(layers + YOLO_TAIL))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining(message);
    }

    private static String net(int width, int height, int channels) {
        return "[net]\nwidth=" + width + "\nheight=" + height + "\nchannels=" + channels + "\n\n";
    }

    /**
     * Imports a cfg whose weights file holds {@code leadingWeights} followed by as many zeros as the cfg's
     * convolutions need ({@code filters} biases, 3 more {@code filters} with batch normalization, and
     * {@code filters * channels / groups * size * size} weights each).
     */
    private static DarknetNetwork network(String cfgText, float... leadingWeights) {
        DarknetCfg cfg = DarknetCfg.parse(cfgText, "test.cfg");
        int floats = 0;
        for (LayerShape shape : DarknetShapes.infer(cfg)) {
            CfgSection layer = cfg.layers().get(shape.index());
            if (shape.type().equals("convolutional")) {
                int filters = shape.output().depth();
                int size = layer.intValue("size", 1);
                floats += filters * (layer.flag("batch_normalize", false) ? 4 : 1)
                        + filters * shape.input().depth() / layer.intValue("groups", 1) * size * size;
            }
        }
        ByteBuffer bytes = ByteBuffer.allocate(20 + 4 * floats).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putInt(0).putInt(2).putInt(0).putLong(0);
        for (float value : leadingWeights) {
            bytes.putFloat(value);
        }
        bytes.rewind();
        return DarknetImporter.importNetwork(cfg, DarknetWeightsReader.read(bytes, "test.weights", cfg));
    }

    private static float[] values(INDArray array) {
        return array.dup('c').data().asFloat();
    }

    private static Map<String, INDArray> activations(DarknetNetwork network, INDArray input) {
        return network.graph().feedForward(input, false);
    }
}
