package org.cvkit.face.siamese;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.cvkit.core.testing.DoublePrecision;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

@ExtendWith(DoublePrecision.class)
class LogisticPairHeadTest {

    private static MultiLayerNetwork headAlone(int dimension) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE)
                .updater(new NoOp()).list()
                .layer(new LogisticPairHead())
                .setInputType(InputType.feedForward(dimension))
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }

    /*
     * Identities [0, 0, 1], embeddings e0 = (0, 0), e1 = (1, 0), e2 = (0, 2), w = (-1, -0.5), b = 1.
     * Pair logits: z01 = -1 + 1 = 0 (same), z02 = -0.5 * 2 + 1 = 0 (different), z12 = -1 - 1 + 1 = -1 (different).
     * Cross-entropies: same pair -ln sigmoid(z), different pair -ln(1 - sigmoid(z)) = ln(1 + e^z):
     * l01 = ln 2, l02 = ln 2, l12 = ln(1 + e^-1).
     * Per image (same mean + different mean) / 2: L0 = (l01 + l02) / 2, L1 = (l01 + l12) / 2,
     * L2 = (0 + (l02 + l12) / 2) / 2 (no same pair). Score = mean of L0, L1, L2.
     */
    @Test
    void lossOfThreeImagesWorkedOutByHand() {
        MultiLayerNetwork network = headAlone(2);
        network.getParam("0_" + LogisticPairHead.WEIGHT_KEY).assign(Nd4j.create(new double[][] {{-1, -0.5}}));
        network.getParam("0_" + LogisticPairHead.BIAS_KEY).assign(1);
        INDArray embeddings = Nd4j.create(new double[][] {{0, 0}, {1, 0}, {0, 2}});
        INDArray identities = Nd4j.create(new double[][] {{0}, {0}, {1}});

        double ln2 = Math.log(2);
        double l12 = Math.log(1 + Math.exp(-1));
        double expected = ((ln2 + ln2) / 2 + (ln2 + l12) / 2 + (ln2 + l12) / 4) / 3;
        assertThat(network.score(new DataSet(embeddings, identities))).isCloseTo(expected, within(1e-12));
        assertThat(network.output(embeddings)).isEqualTo(embeddings);
    }

    @Test
    void parametersStartAtMinusOneOverRootDimensionAndZero() {
        MultiLayerNetwork network = headAlone(4);

        assertThat(network.getParam("0_" + LogisticPairHead.WEIGHT_KEY).toDoubleVector())
                .containsOnly(-0.5);
        assertThat(network.getParam("0_" + LogisticPairHead.BIAS_KEY).getDouble(0)).isZero();
    }

    @Test
    void dl4jGradientCheckPassesForDenseL2AndLogisticPairs() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE).seed(3)
                .updater(new NoOp()).weightInit(WeightInit.XAVIER).list()
                .layer(new DenseLayer.Builder().nOut(4).activation(Activation.TANH).build())
                .layer(new ActivationLayer(new L2Normalization()))
                .layer(new LogisticPairHead())
                .setInputType(InputType.feedForward(6))
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        network.getParam("2_" + LogisticPairHead.WEIGHT_KEY).assign(Nd4j.create(new double[][] {{-1, 0.5, -2, 1}}));
        network.getParam("2_" + LogisticPairHead.BIAS_KEY).assign(0.3);
        INDArray input = Nd4j.rand(DataType.DOUBLE, 8, 6).subi(0.5);
        INDArray identities = Nd4j.create(new double[] {0, 1, 2, 0, 1, 2, 0, 3}, 8, 1);

        boolean passed = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(network)
                .input(input).labels(identities).epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-9));

        assertThat(passed).isTrue();
    }

    @Test
    void configurationSurvivesJson() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().list()
                .layer(new DenseLayer.Builder().nOut(4).build())
                .layer(new LogisticPairHead())
                .setInputType(InputType.feedForward(6))
                .build();

        MultiLayerConfiguration restored = MultiLayerConfiguration.fromJson(conf.toJson());

        assertThat(restored.getConf(1).getLayer()).isEqualTo(conf.getConf(1).getLayer());
        assertThat(((LogisticPairHead) restored.getConf(1).getLayer()).getDimension()).isEqualTo(4);
    }

    @Test
    void rejectsABadDimensionAndInputThatIsNotAnEmbedding() {
        assertThatThrownBy(() -> new LogisticPairHead(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive but is 0");
        assertThatThrownBy(() -> new NeuralNetConfiguration.Builder().list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(2).build())
                .layer(new LogisticPairHead())
                .setInputType(InputType.convolutional(8, 8, 1))
                .build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("place it after a dense layer");
    }
}
