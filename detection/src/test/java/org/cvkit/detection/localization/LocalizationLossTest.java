package org.cvkit.detection.localization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

class LocalizationLossTest {

    private static final double EXACT = 1e-12;

    /** A car (pc = 1, class 2 of 3) and a background image (pc = 0, the rest "don't care"). */
    private static final double[][] LABELS = {
        {1, 0.5, 0.5, 0.2, 0.4, 0, 1, 0},
        {0, 0.7, 0.1, 0.9, 0.9, 1, 1, 1}};
    private static final double[][] PREDICTIONS = {
        {0.9, 0.4, 0.5, 0.3, 0.4, 0.1, 0.8, 0.2},
        {0.3, 5, 5, 5, 5, 5, 5, 5}};

    private final LocalizationLoss loss = new LocalizationLoss();

    @Test
    void scoresAreTheCoursesSquaredErrors() {
        INDArray labels = Nd4j.create(LABELS);
        INDArray predictions = Nd4j.create(PREDICTIONS);

        // Car: 0.1² + 0.1² + 0 + 0.1² + 0 + 0.1² + 0.2² + 0.2² = 0.12. Background: only (0.3 - 0)² = 0.09.
        INDArray perExample = loss.computeScoreArray(labels, predictions, new ActivationIdentity(), null);
        assertThat(perExample.shape()).containsExactly(2, 1);
        assertThat(perExample.toDoubleVector()).containsExactly(new double[] {0.12, 0.09}, within(EXACT));
        assertThat(loss.computeScore(labels, predictions, new ActivationIdentity(), null, false))
                .isCloseTo(0.21, within(EXACT));
        assertThat(loss.computeScore(labels, predictions, new ActivationIdentity(), null, true))
                .isCloseTo(0.105, within(EXACT));
    }

    @Test
    void gradientIsTwiceTheErrorOnTheCountedFields() {
        INDArray gradient = loss.computeGradient(Nd4j.create(LABELS), Nd4j.create(PREDICTIONS),
                new ActivationIdentity(), null);

        assertThat(gradient.getRow(0).toDoubleVector())
                .containsExactly(new double[] {-0.2, -0.2, 0, 0.2, 0, 0.2, -0.4, 0.4}, within(EXACT));
        assertThat(gradient.getRow(1).toDoubleVector())
                .containsExactly(new double[] {0.6, 0, 0, 0, 0, 0, 0, 0}, within(EXACT));
    }

    @Test
    void sigmoidOutputsAreScoredAfterTheActivation() {
        // sigmoid(0) = 0.5 everywhere: the car row errs by 0.5 on pc and on the classes, 0 on the box.
        double[][] labels = {{1, 0.5, 0.5, 0.5, 0.5, 0, 1}};
        INDArray score = loss.computeScoreArray(Nd4j.create(labels), Nd4j.zeros(DataType.DOUBLE, 1, 7),
                Activation.SIGMOID.getActivationFunction(), null);

        assertThat(score.getDouble(0)).isCloseTo(0.75, within(EXACT));
    }

    @Test
    void maskedExamplesCountForNothing() {
        INDArray mask = Nd4j.create(new double[][] {{0}, {1}});
        INDArray labels = Nd4j.create(LABELS);
        INDArray predictions = Nd4j.create(PREDICTIONS);

        assertThat(loss.computeScoreArray(labels, predictions, new ActivationIdentity(), mask).toDoubleVector())
                .containsExactly(new double[] {0, 0.09}, within(EXACT));
        assertThat(loss.computeGradient(labels, predictions, new ActivationIdentity(), mask).getRow(0)
                .toDoubleVector()).containsExactly(new double[8], within(0.0));
    }

    @Test
    void passesAGradientCheckInATinyNetwork() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(12345).dataType(DataType.DOUBLE).updater(new NoOp())
                .list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(5).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(new LocalizationLoss()).nIn(5).nOut(7)
                        .activation(Activation.SIGMOID).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        INDArray input = Nd4j.rand(DataType.DOUBLE, 4, 4).subi(0.5);
        INDArray labels = Nd4j.create(new double[][] {
            {1, 0.3, 0.6, 0.2, 0.5, 1, 0},
            {0, 0.9, 0.9, 0.9, 0.9, 0, 1},
            {1, 0.7, 0.2, 0.4, 0.1, 0, 1},
            {0, 0, 0, 0, 0, 0, 0}});

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
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().list()
                .layer(new OutputLayer.Builder(new LocalizationLoss()).nIn(3).nOut(6).build())
                .build();

        MultiLayerConfiguration restored = MultiLayerConfiguration.fromJson(conf.toJson());

        assertThat(((OutputLayer) restored.getConf(0).getLayer()).getLossFn()).isEqualTo(new LocalizationLoss());
    }

    @Test
    void rejectsLabelsItCannotRead() {
        INDArray predictions = Nd4j.create(PREDICTIONS);
        INDArray halfPresent = Nd4j.create(new double[][] {LABELS[0], {0.5, 0, 0, 0, 0, 0, 0, 0}});
        assertThatThrownBy(() -> loss.computeScore(halfPresent, predictions, new ActivationIdentity(), null, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be 0 or 1 but is 0.5");
        assertThatThrownBy(() -> loss.computeGradient(Nd4j.zeros(2, 7), predictions, new ActivationIdentity(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[2, 7]");
        INDArray noClasses = Nd4j.zeros(2, 5);
        assertThatThrownBy(() -> loss.computeScoreArray(noClasses, noClasses, new ActivationIdentity(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 + k columns");
    }
}
