package org.cvkit.face.siamese;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.cvkit.core.testing.DoublePrecision;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

@ExtendWith(DoublePrecision.class)
class TripletLossTest {

    private static final IActivation IDENTITY = Activation.IDENTITY.getActivationFunction();
    /*
     * Four images, identities [0, 0, 1, 1], embeddings e0 = (0, 0), e1 = (0.5, 0), e2 = (0, 0.6), e3 = (0.8, 0.1).
     * Squared distances: d01 = 0.25, d02 = 0.36, d03 = 0.65, d12 = 0.61, d13 = 0.10, d23 = 0.89. Margin 0.2.
     */
    private static final INDArray EMBEDDINGS = Nd4j.create(new double[][] {{0, 0}, {0.5, 0}, {0, 0.6}, {0.8, 0.1}});
    private static final INDArray IDENTITIES = Nd4j.create(new double[][] {{0}, {0}, {1}, {1}});

    /*
     * Batch-hard: farthest positive, nearest negative.
     * a0: p1 (0.25), n2 (0.36 < 0.65): 0.25 - 0.36 + 0.2 = 0.09
     * a1: p0 (0.25), n3 (0.10 < 0.61): 0.25 - 0.10 + 0.2 = 0.35
     * a2: p3 (0.89), n0 (0.36 < 0.61): 0.89 - 0.36 + 0.2 = 0.73
     * a3: p2 (0.89), n1 (0.10 < 0.65): 0.89 - 0.10 + 0.2 = 0.99;  mean 2.16 / 4 = 0.54
     */
    @Test
    void batchHardLossOfFourImagesWorkedOutByHand() {
        TripletLoss loss = new TripletLoss(0.2, TripletMining.BATCH_HARD);

        assertThat(loss.computeScoreArray(IDENTITIES, EMBEDDINGS, IDENTITY, null).toDoubleVector())
                .containsExactly(new double[] {0.09, 0.35, 0.73, 0.99}, within(1e-12));
        assertThat(loss.computeScore(IDENTITIES, EMBEDDINGS, IDENTITY, null, true)).isCloseTo(0.54, within(1e-12));
        assertThat(loss.computeScore(IDENTITIES, EMBEDDINGS, IDENTITY, null, false)).isCloseTo(2.16, within(1e-12));
    }

    /*
     * Semi-hard: the nearest negative farther than the positive, else the farthest negative.
     * a0: d_ap 0.25, farther negatives n2 (0.36), n3 (0.65) -> n2: 0.25 - 0.36 + 0.2 = 0.09
     * a1: d_ap 0.25, farther negatives n2 (0.61) only -> 0.25 - 0.61 + 0.2 < 0: 0
     * a2: d_ap 0.89, none farther (0.36, 0.61) -> farthest n1: 0.89 - 0.61 + 0.2 = 0.48
     * a3: d_ap 0.89, none farther (0.65, 0.10) -> farthest n0: 0.89 - 0.65 + 0.2 = 0.44;  mean 1.01 / 4 = 0.2525
     */
    @Test
    void semiHardLossOfFourImagesWorkedOutByHand() {
        TripletLoss loss = new TripletLoss(0.2, TripletMining.SEMI_HARD);

        assertThat(loss.computeScoreArray(IDENTITIES, EMBEDDINGS, IDENTITY, null).toDoubleVector())
                .containsExactly(new double[] {0.09, 0, 0.48, 0.44}, within(1e-12));
        assertThat(loss.computeScore(IDENTITIES, EMBEDDINGS, IDENTITY, null, true)).isCloseTo(0.2525, within(1e-12));
    }

    /*
     * Batch-hard triplets (0,1,2), (1,0,3), (2,3,0), (3,2,1), all with positive loss. e1 is the anchor of (1,0,3):
     * 2 (e3 - e0) = (1.6, 0.2); the positive of (0,1,2): -2 (e0 - e1) = (1.0, 0); the negative of (3,2,1):
     * 2 (e3 - e1) = (0.6, 0.2). Sum (3.2, 0.4).
     */
    @Test
    void gradientOfOneEmbeddingWorkedOutByHand() {
        INDArray gradient = new TripletLoss(0.2, TripletMining.BATCH_HARD)
                .computeGradient(IDENTITIES, EMBEDDINGS, IDENTITY, null);

        assertThat(gradient.getRow(1).toDoubleVector()).containsExactly(new double[] {3.2, 0.4}, within(1e-12));
    }

    /*
     * Semi-hard triplets (0,1,2), (1,0,2), (2,3,1), (3,2,0); (1,0,2) has no loss and must add nothing (as the anchor
     * it would add 2 (e2 - e0) = (0, 1.2)). e1 is the positive of (0,1,2): -2 (e0 - e1) = (1.0, 0), and the negative
     * of (2,3,1): 2 (e2 - e1) = (-1.0, 1.2). Sum (0, 1.2).
     */
    @Test
    void tripletsWithoutLossGiveNoGradient() {
        INDArray gradient = new TripletLoss(0.2, TripletMining.SEMI_HARD)
                .computeGradient(IDENTITIES, EMBEDDINGS, IDENTITY, null);

        assertThat(gradient.getRow(1).toDoubleVector()).containsExactly(new double[] {0, 1.2}, within(1e-12));
    }

    @ParameterizedTest
    @EnumSource(TripletMining.class)
    void gradientThroughL2NormalizationMatchesFiniteDifferences(TripletMining mining) {
        TripletLoss loss = new TripletLoss(0.5, mining);
        INDArray preOutput = Nd4j.rand(DataType.DOUBLE, 12, 5).subi(0.5);
        INDArray identities = Nd4j.create(new double[] {0, 1, 2, 0, 1, 2, 0, 1, 2, 2, 1, 0}, 12, 1);
        L2Normalization l2 = new L2Normalization();

        INDArray analytic = loss.computeGradient(identities, preOutput, l2, null);

        double step = 1e-6;
        for (int i = 0; i < preOutput.rows(); i++) {
            for (int k = 0; k < preOutput.columns(); k++) {
                double original = preOutput.getDouble(i, k);
                preOutput.putScalar(i, k, original + step);
                double plus = loss.computeScore(identities, preOutput, l2, null, false);
                preOutput.putScalar(i, k, original - step);
                double minus = loss.computeScore(identities, preOutput, l2, null, false);
                preOutput.putScalar(i, k, original);
                assertThat(analytic.getDouble(i, k)).as("dL/dx[%d][%d]", i, k)
                        .isCloseTo((plus - minus) / (2 * step), within(1e-6));
            }
        }
        assertThat(analytic.norm2Number().doubleValue()).isGreaterThan(0.1);
    }

    @ParameterizedTest
    @EnumSource(TripletMining.class)
    void dl4jGradientCheckPassesForDenseL2AndTripletLoss(TripletMining mining) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE).seed(7)
                .updater(new NoOp()).weightInit(WeightInit.XAVIER).list()
                .layer(new DenseLayer.Builder().nIn(6).nOut(4).activation(Activation.TANH).build())
                .layer(new ActivationLayer(new L2Normalization()))
                .layer(new LossLayer.Builder().lossFunction(new TripletLoss(0.5, mining))
                        .activation(Activation.IDENTITY).build())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        INDArray input = Nd4j.rand(DataType.DOUBLE, 9, 6).subi(0.5);
        INDArray identities = Nd4j.create(new double[] {0, 1, 2, 0, 1, 2, 0, 1, 2}, 9, 1);

        boolean passed = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(network)
                .input(input).labels(identities).epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-9));

        assertThat(passed).isTrue();
        assertThat(network.score()).isGreaterThan(0);
    }

    @Test
    void configurationSurvivesJson() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().list()
                .layer(new DenseLayer.Builder().nIn(6).nOut(4).build())
                .layer(new ActivationLayer(new L2Normalization()))
                .layer(new LossLayer.Builder().lossFunction(new TripletLoss(0.3, TripletMining.SEMI_HARD))
                        .activation(Activation.IDENTITY).build())
                .build();

        MultiLayerConfiguration restored = MultiLayerConfiguration.fromJson(conf.toJson());

        assertThat(((LossLayer) restored.getConf(2).getLayer()).getLossFn())
                .isEqualTo(new TripletLoss(0.3, TripletMining.SEMI_HARD));
        assertThat(((ActivationLayer) restored.getConf(1).getLayer()).getActivationFn())
                .isInstanceOf(L2Normalization.class);
    }

    @Test
    void rejectsAMarginThatIsNotPositive() {
        assertThatThrownBy(() -> new TripletLoss(0, TripletMining.BATCH_HARD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("margin alpha must be positive");
        assertThatThrownBy(() -> new TripletLoss(Double.NaN, TripletMining.BATCH_HARD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("margin alpha must be positive");
    }

    @Test
    void rejectsLabelsThatAreNotOneIdentityPerImage() {
        TripletLoss loss = new TripletLoss(0.2, TripletMining.BATCH_HARD);

        assertThatThrownBy(() -> loss.computeScore(Nd4j.create(new double[][] {{0}, {1}}), EMBEDDINGS, IDENTITY,
                null, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one identity label per image: 4 images");
        assertThatThrownBy(() -> loss.computeScore(Nd4j.create(new double[][] {{0}, {0.5}, {1}, {1}}), EMBEDDINGS,
                IDENTITY, null, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole numbers but image 1 has 0.5");
    }

    @Test
    void rejectsMasksAndInputsThatAreNotEmbeddings() {
        TripletLoss loss = new TripletLoss(0.2, TripletMining.BATCH_HARD);

        assertThatThrownBy(() -> loss.computeGradient(IDENTITIES, EMBEDDINGS, IDENTITY, Nd4j.ones(4, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes no mask");
        assertThatThrownBy(() -> loss.computeGradient(IDENTITIES, Nd4j.zeros(4, 2, 3, 3), IDENTITY, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[batch, dimension]");
    }
}
