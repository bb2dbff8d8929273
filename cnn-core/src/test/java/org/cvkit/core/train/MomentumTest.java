package org.cvkit.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ScheduleType;

class MomentumTest {

    @Test
    void survivesTheJsonRoundTripOfANetworkConfiguration() {
        Momentum momentum = new Momentum(LearningRateSchedules.inverseTime(ScheduleType.EPOCH, 0.05, 0.5), 0.99);
        MultiLayerConfiguration configuration = new NeuralNetConfiguration.Builder()
                .updater(momentum)
                .list()
                .layer(new DenseLayer.Builder().nIn(3).nOut(2).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(2).nOut(2)
                        .activation(Activation.SOFTMAX).build())
                .build();

        MultiLayerConfiguration restored = MultiLayerConfiguration.fromJson(configuration.toJson());

        assertThat(configuration.toJson()).contains(Momentum.class.getName());
        Momentum restoredUpdater = (Momentum) ((BaseLayer) restored.getConf(0).getLayer()).getIUpdater();
        assertThat(restoredUpdater).isEqualTo(momentum);
        assertThat(restoredUpdater.momentum()).isEqualTo(0.99);
        assertThat(restoredUpdater.getLearningRate(0, 2)).isCloseTo(0.025, within(1e-15));
    }

    @Test
    void continuesFromAStateMap() {
        Momentum momentum = new Momentum(0.1, 0.5);
        Map<String, INDArray> state = new HashMap<>();
        state.put(MomentumUpdater.VELOCITY, Nd4j.createFromArray(1.0, -2.0).reshape(1, 2));
        GradientUpdater<?> updater = momentum.instantiate(state, false);
        INDArray gradient = Nd4j.createFromArray(2.0, 4.0).reshape(1, 2);

        updater.applyUpdater(gradient, 0, 0);

        // v = 0.5 * [1, -2] - 0.1 * [2, 4] = [0.3, -1.4]; DL4J subtracts the update, so update = -v.
        assertThat(gradient.toDoubleVector()).containsExactly(new double[] {-0.3, 1.4}, within(1e-12));
        assertThat(updater.getState().get(MomentumUpdater.VELOCITY).toDoubleVector())
                .containsExactly(new double[] {0.3, -1.4}, within(1e-12));
    }

    @Test
    void clearsAStateMapWhenAskedToInitialize() {
        Map<String, INDArray> state = Map.of(MomentumUpdater.VELOCITY, Nd4j.createFromArray(5.0, 5.0));
        new Momentum(0.1, 0.5).instantiate(state, true);
        assertThat(state.get(MomentumUpdater.VELOCITY).toDoubleVector()).containsExactly(0.0, 0.0);
    }

    @Test
    void rejectsAStateMapWithoutVelocity() {
        Map<String, INDArray> state = Map.of("M", Nd4j.zeros(DataType.DOUBLE, 1, 2));
        assertThatThrownBy(() -> new Momentum(0.1, 0.5).instantiate(state, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'V'");
    }

    @Test
    void refusesToUpdateWithoutState() {
        GradientUpdater<Momentum> updater = new MomentumUpdater(new Momentum(0.1, 0.5));
        assertThatThrownBy(() -> updater.applyUpdater(Nd4j.ones(1, 2), 0, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no state");
    }

    @Test
    void rejectsAStateViewThatIsNotARowVector() {
        assertThatThrownBy(() -> new Momentum(0.1, 0.5).instantiate(Nd4j.zeros(2, 2), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row vector");
    }

    @Test
    void rejectsMomentumOutsideZeroToOne() {
        for (double bad : new double[] {-0.1, 1.0, Double.NaN}) {
            assertThatThrownBy(() -> new Momentum(0.1, bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("momentum must be in [0, 1)");
        }
    }

    @Test
    void rejectsABadLearningRate() {
        assertThatThrownBy(() -> new Momentum(-1, 0.9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("learning rate");
    }

    @Test
    void takesNewLearningRatesFromDl4j() {
        Momentum momentum = new Momentum(0.1, 0.9);
        Momentum copy = momentum.clone();
        copy.setLrAndSchedule(0.01, null);
        assertThat(copy.getLearningRate(5, 5)).isEqualTo(0.01);
        assertThat(momentum.getLearningRate(5, 5)).isEqualTo(0.1);
        assertThat(copy).isNotEqualTo(momentum);
    }
}
