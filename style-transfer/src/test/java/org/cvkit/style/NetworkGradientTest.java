package org.cvkit.style;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.cvkit.core.arch.Vgg;
import org.cvkit.style.loss.LossWeights;
import org.cvkit.style.network.LossNetwork;
import org.cvkit.style.network.LossNetworkPreset;
import org.cvkit.style.network.LossNetworks;
import org.cvkit.style.network.TestNetworks;
import org.cvkit.style.optim.Evaluation;
import org.cvkit.zoo.SharedAssets;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The real loss networks, differentiated by their own back-propagation, against central differences of the
 * objective along a random direction of a 48x40 image. Finite differences need double precision, so each network is
 * also converted to double; the float network, which runs DL4J's native helpers when they are enabled, must give
 * the double network's derivative. A wrongly scaled back-propagation (DL4J 1.0.0-M2.1 doubled SameDiff layer
 * gradients) would be off by 100%.
 */
class NetworkGradientTest {

    private static final LossWeights WEIGHTS = new LossWeights(1, 10, 1);

    /* VGG is smooth almost everywhere along the path: differences of step 1e-6 match to 0.1%. */
    @Test
    void randomVgg16BackPropagatesTheTrueGradient() {
        LossNetwork network = LossNetworks.vggRandom(Vgg.Depth.VGG_16, 42);
        double analytic = derivative(network, DataType.FLOAT);
        double exact = derivative(inDouble(network), DataType.DOUBLE);

        assertThat(exact).isCloseTo(finiteDifference(inDouble(network), 1e-6), within(1e-3 * Math.abs(exact)));
        assertThat(analytic).isCloseTo(exact, within(5e-3 * Math.abs(exact)));
    }

    /* Yolo-Fastest's many leaky ReLUs make differences noisier: they match to 3%, the float gradient to 0.5%. */
    @Test
    void yoloFastestBackPropagatesTheTrueGradient() throws Exception {
        LossNetwork network = LossNetworkPreset.YOLO_FASTEST.create(SharedAssets.store(), 42);
        double analytic = derivative(network, DataType.FLOAT);
        double exact = derivative(inDouble(network), DataType.DOUBLE);

        assertThat(exact).isCloseTo(finiteDifference(inDouble(network), 1e-5), within(0.03 * Math.abs(exact)));
        assertThat(analytic).isCloseTo(exact, within(5e-3 * Math.abs(exact)));
    }

    private static LossNetwork inDouble(LossNetwork network) {
        return LossNetwork.builder(network.name(), network.graph().convertDataType(DataType.DOUBLE),
                network.inputFormat(), network.contentLayer(), network.styleLayers()).build();
    }

    /** @return the analytic derivative of the objective along the direction */
    private static double derivative(LossNetwork network, DataType type) {
        try (TransferObjective objective = objective(network, type);
             Evaluation evaluation = objective.evaluate(image(type))) {
            return evaluation.gradient().mul(direction(type)).sumNumber().doubleValue();
        }
    }

    private static double finiteDifference(LossNetwork network, double step) {
        INDArray image = image(DataType.DOUBLE);
        INDArray direction = direction(DataType.DOUBLE);
        try (TransferObjective objective = objective(network, DataType.DOUBLE)) {
            return (objective.losses(image.add(direction.mul(step))).total()
                    - objective.losses(image.sub(direction.mul(step))).total()) / (2 * step);
        }
    }

    private static TransferObjective objective(LossNetwork network, DataType type) {
        return new TransferObjective(network, TestNetworks.randomImage(type, 48, 40, 1),
                TestNetworks.randomImage(type, 40, 48, 2), WEIGHTS);
    }

    private static INDArray image(DataType type) {
        return TestNetworks.randomImage(type, 48, 40, 3);
    }

    private static INDArray direction(DataType type) {
        Random random = new Random(4);
        INDArray signs = Nd4j.create(type, 1, 3, 48, 40);
        for (long i = 0; i < signs.length(); i++) {
            signs.putScalar(i, random.nextBoolean() ? 1 : -1);
        }
        return signs;
    }
}
