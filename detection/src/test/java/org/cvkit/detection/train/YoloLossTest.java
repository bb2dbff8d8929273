package org.cvkit.detection.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.cvkit.core.geometry.Box;
import org.cvkit.detection.geometry.BoxShape;
import org.cvkit.detection.geometry.GroundTruth;
import org.cvkit.detection.yolo.YoloTargetEncoder;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

class YoloLossTest {

    private static final double EXACT = 1e-12;
    /** Anchor 0 is 2 cells wide and 1 high, anchor 1 is 1 x 1; two classes, so 7 planes per anchor. */
    private static final List<BoxShape> ANCHORS = List.of(new BoxShape(2, 1), new BoxShape(1, 1));

    /**
     * Two grid cells. Cell 0: anchor 0 holds an object of class 0 at (0.25, 0.75) in the cell, bh = e, bw = 2
     * (course order pc, bx, by, bh, bw, c1, c2); anchor 1 is empty. Cell 1 is empty.
     */
    private static final double[][] LABELS = {
        {1, 0.25, 0.75, Math.E, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0},
        new double[14]};
    /** Raw outputs tx, ty, tw, th, to, s1, s2 per anchor: all 0 except anchor 1's objectness logit ln 3 in cell 0. */
    private static final double[][] OUTPUTS = {
        {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Math.log(3), 0, 0},
        new double[14]};

    @Test
    void scoresAreWorkedOutByHand() {
        // Cell 0, anchor 0: bx = by = σ(0) = 0.5, so (0.25)² + (0.25)²; bw = 2 e^0 = 2, so (ln 2 - ln 2)² = 0;
        // bh = 1 e^0 = 1, so (ln 1 - ln e)² = 1; pc = 0.5, so (0.5 - 1)² = 0.25; softmax (0.5, 0.5) against (1, 0)
        // gives 0.5. Together 1.125 + 0.25 + 0.5 = 1.875. Anchor 1: pc = σ(ln 3) = 0.75, so 0.75² = 0.5625.
        // Cell 1: two empty anchors with pc = 0.5, 0.25 each.
        YoloLoss course = YoloLoss.course(ANCHORS, 2);
        INDArray scores = course.computeScoreArray(labels(), outputs(), new ActivationIdentity(), null);

        assertThat(scores.shape()).containsExactly(2, 1);
        assertThat(scores.toDoubleVector()).containsExactly(new double[] {2.4375, 0.5}, within(EXACT));
        assertThat(course.computeScore(labels(), outputs(), new ActivationIdentity(), null, false))
                .isCloseTo(2.9375, within(EXACT));
        assertThat(course.computeScore(labels(), outputs(), new ActivationIdentity(), null, true))
                .isCloseTo(1.46875, within(EXACT));
    }

    @Test
    void weightsScaleTheBoxTermsAndTheEmptySlots() {
        // λcoord 2: 2 * 1.125 + 0.25 + 0.5 = 3; λnoobj 0.5: 0.5 * 0.5625 in cell 0 and 0.5 * 0.5 in cell 1.
        YoloLoss weighted = new YoloLoss(ANCHORS, 2, 2, 0.5);

        assertThat(weighted.computeScoreArray(labels(), outputs(), new ActivationIdentity(), null).toDoubleVector())
                .containsExactly(new double[] {3.28125, 0.25}, within(EXACT));
        assertThat(weighted.coordinateWeight()).isEqualTo(2);
        assertThat(weighted.noObjectWeight()).isEqualTo(0.5);
    }

    @Test
    void gradientsAreWorkedOutByHand() {
        // d/dtx 2 (σ - 0.25) σ (1 - σ) = 0.125; d/dth 2 (0 - 1) = -2; d/dto 2 (0.5 - 1) 0.25 = -0.25;
        // class logits p (2 (p - y) - Σ 2 (p - y) p) = (-0.5, 0.5); empty pc = 0.75: 2 0.75 0.75 0.25 = 0.28125.
        INDArray gradient = YoloLoss.course(ANCHORS, 2).computeGradient(labels(), outputs(),
                new ActivationIdentity(), null);

        assertThat(gradient.getRow(0).toDoubleVector()).containsExactly(
                new double[] {0.125, -0.125, 0, -2, -0.25, -0.5, 0.5, 0, 0, 0, 0, 0.28125, 0, 0}, within(EXACT));
        assertThat(gradient.getRow(1).toDoubleVector()).containsExactly(
                new double[] {0, 0, 0, 0, 0.25, 0, 0, 0, 0, 0, 0, 0.25, 0, 0}, within(EXACT));
    }

    @Test
    void maskedRowsCountForNothing() {
        YoloLoss course = YoloLoss.course(ANCHORS, 2);
        INDArray mask = Nd4j.create(new double[][] {{0}, {1}});

        assertThat(course.computeScoreArray(labels(), outputs(), new ActivationIdentity(), mask).toDoubleVector())
                .containsExactly(new double[] {0, 0.5}, within(EXACT));
        assertThat(course.computeGradientAndScore(labels(), outputs(), new ActivationIdentity(), mask, false)
                .getSecond().getRow(0).toDoubleVector()).containsOnly(0.0);
        assertThatThrownBy(() -> course.computeScore(labels(), outputs(), new ActivationIdentity(),
                Nd4j.ones(2, 14), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one mask value per row");
    }

    @Test
    void labelsLayAnchorVectorsOutAsChannels() {
        // The course's 3x3 grid, 2 anchors, 3 classes: a car in row 2, column 1, taking the wide anchor 1.
        YoloTargetEncoder encoder = new YoloTargetEncoder(3, List.of(new BoxShape(0.6, 1.6), new BoxShape(2, 0.9)),
                3);
        GroundTruth car = new GroundTruth(Box.fromCentre(1.7 / 3, 2.7 / 3, 1.9 / 3, 0.8 / 3), 1);

        INDArray labels = YoloLoss.labels(encoder.encode(List.of(car)));

        assertThat(labels.shape()).containsExactly(16, 3, 3);
        assertThat(labels.dataType()).isEqualTo(DataType.FLOAT);
        double[] slot = new double[8];
        for (int k = 0; k < 8; k++) {
            slot[k] = labels.getDouble(8 + k, 2, 1);
        }
        assertThat(slot).containsExactly(new double[] {1, 0.7, 0.7, 0.8, 1.9, 0, 1, 0}, within(1e-6));
        assertThat(labels.sumNumber().doubleValue()).isCloseTo(6.1, within(1e-5));
    }

    @Test
    void passesAGradientCheckInATinyConvolutionalNetwork() {
        // The course's 3x3 grid with 2 anchors and 3 classes: 16 output planes.
        List<BoxShape> anchors = List.of(new BoxShape(0.6, 1.6), new BoxShape(2, 0.9));
        YoloLoss loss = new YoloLoss(anchors, 3, 5, 0.5);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(12345).dataType(DataType.DOUBLE).updater(new NoOp()).convolutionMode(ConvolutionMode.Same)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.TANH).build())
                .layer(new ConvolutionLayer.Builder(1, 1).nOut(16).activation(Activation.IDENTITY).build())
                .layer(new CnnLossLayer.Builder(loss).activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutional(3, 3, 2))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        INDArray input = Nd4j.rand(DataType.DOUBLE, 2, 2, 3, 3).subi(0.5);
        YoloTargetEncoder encoder = new YoloTargetEncoder(3, anchors, 3);
        INDArray labels = Nd4j.stack(0,
                YoloLoss.labels(encoder.encode(List.of(new GroundTruth(Box.fromCentre(0.5, 0.3, 0.6, 0.2), 1),
                        new GroundTruth(Box.fromCentre(0.1, 0.8, 0.15, 0.5), 2)))),
                YoloLoss.labels(encoder.encode(List.of(new GroundTruth(Box.fromCentre(0.9, 0.9, 0.2, 0.2), 0)))))
                .castTo(DataType.DOUBLE);

        DataType defaultType = Nd4j.dataType();
        DataType defaultFloatType = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            boolean passed = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net)
                    .input(input).labels(labels).epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-10));

            assertThat(passed).isTrue();
        } finally {
            Nd4j.setDefaultDataTypes(defaultType, defaultFloatType);
        }
    }

    @Test
    void survivesAJsonRoundTripOfTheNetworkConfiguration() {
        YoloLoss loss = new YoloLoss(ANCHORS, 2, 5, 0.5);
        MultiLayerConfiguration conf = YoloNetwork.configuration(32, 4, loss, 1, new NoOp());

        MultiLayerConfiguration restored = MultiLayerConfiguration.fromJson(conf.toJson());

        YoloLoss back = (YoloLoss) ((CnnLossLayer) restored.getConf(restored.getConfs().size() - 1).getLayer())
                .getLossFn();
        assertThat(back).isEqualTo(loss).hasSameHashCodeAs(loss).isNotEqualTo(YoloLoss.course(ANCHORS, 2));
        assertThat(back.head().anchors()).isEqualTo(ANCHORS);
        assertThat(back.head().numClasses()).isEqualTo(2);
        assertThat(back).hasToString("YoloLoss(anchors=" + ANCHORS + ", classes=2, λcoord=5.0, λnoobj=0.5)");
    }

    @Test
    void rejectsBadSettingsAndLabels() {
        assertThatThrownBy(() -> new YoloLoss(ANCHORS, 2, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weights must be positive");
        assertThatThrownBy(() -> new YoloLoss(ANCHORS, 2, 1, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weights must be positive");
        assertThatThrownBy(() -> YoloLoss.course(List.of(), 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one anchor");
        assertThatThrownBy(() -> YoloLoss.course(ANCHORS, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("number of classes");
        YoloLoss loss = YoloLoss.course(ANCHORS, 2);
        assertThatThrownBy(() -> loss.computeScore(Nd4j.zeros(2, 12), Nd4j.zeros(2, 12), new ActivationIdentity(),
                null, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[rows, 14]")
                .hasMessageContaining("14 channels");
        INDArray halfPresent = labels();
        halfPresent.putScalar(1, 0, 0.5);
        assertThatThrownBy(() -> loss.computeGradient(halfPresent, outputs(), new ActivationIdentity(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pc 0.5");
        INDArray flat = labels();
        flat.putScalar(0, 3, 0);
        assertThatThrownBy(() -> loss.computeGradient(flat, outputs(), new ActivationIdentity(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive size");
    }

    private static INDArray labels() {
        return Nd4j.create(LABELS);
    }

    private static INDArray outputs() {
        return Nd4j.create(OUTPUTS);
    }
}
