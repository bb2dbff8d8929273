package org.cvkit.style;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.cvkit.style.loss.LossValues;
import org.cvkit.style.loss.LossWeights;
import org.cvkit.style.network.LossNetwork;
import org.cvkit.style.network.TestNetworks;
import org.cvkit.style.optim.Evaluation;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The whole objective (content, three weighted style layers, total variation) differentiated through the loss
 * network's own back-propagation, checked against central finite differences on a tiny image in double precision.
 */
class TransferObjectiveTest {

    private static final LossWeights WEIGHTS = new LossWeights(1.5, 20, 0.7);

    @Test
    void gradientMatchesFiniteDifferences() {
        LossNetwork network = TestNetworks.tiny(DataType.DOUBLE);
        INDArray content = TestNetworks.randomImage(DataType.DOUBLE, 10, 12, 1);
        INDArray style = TestNetworks.randomImage(DataType.DOUBLE, 14, 9, 2);
        INDArray image = TestNetworks.randomImage(DataType.DOUBLE, 10, 12, 3);
        double step = 1e-6;
        try (TransferObjective objective = new TransferObjective(network, content, style, WEIGHTS);
             Evaluation evaluation = objective.evaluate(image)) {
            Random random = new Random(5);
            for (int k = 0; k < 20; k++) {
                long[] at = {0, random.nextInt(3), random.nextInt(10), random.nextInt(12)};
                double numeric = (total(objective, image, at, step) - total(objective, image, at, -step)) / (2 * step);
                assertThat(evaluation.gradient().getDouble(at)).as("dJ/dx at %s", Arrays.toString(at))
                        .isCloseTo(numeric, within(1e-5 * Math.max(1, Math.abs(numeric))));
            }
        }
    }

    @Test
    void forwardOnlyLossesEqualTheEvaluation() {
        LossNetwork network = TestNetworks.tiny(DataType.DOUBLE);
        INDArray content = TestNetworks.randomImage(DataType.DOUBLE, 8, 8, 1);
        INDArray image = TestNetworks.randomImage(DataType.DOUBLE, 8, 8, 3);
        try (TransferObjective objective = new TransferObjective(network, content, content, WEIGHTS);
             Evaluation evaluation = objective.evaluate(image)) {
            LossValues losses = objective.losses(image);
            assertThat(losses.total()).isCloseTo(evaluation.value(), within(1e-12));
            assertThat(losses.content()).isPositive();
            assertThat(losses.total()).isCloseTo(1.5 * losses.content() + 20 * losses.style()
                    + 0.7 * losses.totalVariation(), within(1e-12));
        }
    }

    /* The content image has no content loss; as its own style it has no style loss either. */
    @Test
    void theContentImageMatchesItself() {
        LossNetwork network = TestNetworks.tiny(DataType.DOUBLE);
        INDArray content = TestNetworks.randomImage(DataType.DOUBLE, 8, 8, 1);
        try (TransferObjective objective = new TransferObjective(network, content, content, WEIGHTS)) {
            LossValues losses = objective.losses(content);
            assertThat(losses.content()).isCloseTo(0, within(1e-12));
            assertThat(losses.style()).isCloseTo(0, within(1e-12));
        }
    }

    @Test
    void rejectsAStyleImageTooSmallForTheNetwork() {
        LossNetwork network = TestNetworks.tiny(DataType.FLOAT);
        INDArray content = TestNetworks.randomImage(DataType.FLOAT, 8, 8, 1);
        INDArray style = TestNetworks.randomImage(DataType.FLOAT, 4, 8, 1);
        assertThatThrownBy(() -> new TransferObjective(network, content, style, WEIGHTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 8x8");
    }

    private static double total(TransferObjective objective, INDArray image, long[] at, double shift) {
        INDArray shifted = image.dup();
        shifted.putScalar(at, image.getDouble(at) + shift);
        return objective.losses(shifted).total();
    }
}
