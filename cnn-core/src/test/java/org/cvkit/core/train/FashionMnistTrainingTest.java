package org.cvkit.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import org.cvkit.core.arch.LeNet5;

import org.cvkit.core.data.FashionMnist;
import org.cvkit.core.data.TestAssets;
import org.cvkit.core.io.ModelMetadata;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Learning tests: LeNet-5 must reach a stated accuracy on the full 10,000-image Fashion-MNIST test set. For scale,
 * the data set authors' published baselines (benchmark/baselines.json) put classic models between 84% and 90%.
 *
 * <p>With oneDNN's layer helpers DL4J trains this LeNet-5 at about 1,700 images per second on two idle cores, so
 * 88% (two epochs over the 60,000 images) takes about 80 seconds and runs by default; the full run is tagged slow.
 */
class FashionMnistTrainingTest {

    @Test
    void leNet5ReachesEightyEightPercentInTwoEpochs() throws IOException {
        FashionMnistTraining.Result result = run(FashionMnistTraining.Settings.twoEpochs());

        assertThat(result.testAccuracy()).isGreaterThanOrEqualTo(0.88);
        ModelMetadata metadata = result.metadata();
        assertThat(metadata.architecture()).isEqualTo("LeNet-5");
        assertThat(metadata.labels()).isEqualTo(FashionMnist.CLASS_NAMES);
        assertThat(metadata.normalization()).isEqualTo(FashionMnist.STANDARDIZATION);
        assertThat(metadata.provenance().trainingData()).contains("60000 images");
        assertThat(metadata.provenance().epochs()).isEqualTo(2);
    }

    @Test
    @Tag("slow")
    void leNet5ReachesNinetyOnePercentOnTheFullTrainingSet() throws IOException {
        assertThat(run(FashionMnistTraining.Settings.full()).testAccuracy()).isGreaterThanOrEqualTo(0.91);
    }

    @Test
    void theLearningRateShrinksByTheDecayFactorOverOneEpoch() {
        // 1000 images in batches of 100: 10 iterations per epoch
        ISchedule schedule = settings(1000, 0, 3, 100, 0.01, 0.25, 1).learningRateSchedule();
        assertThat(schedule.valueAt(0, 0)).isEqualTo(0.01);
        assertThat(schedule.valueAt(5, 0)).isCloseTo(0.005, within(1e-15));
        assertThat(schedule.valueAt(10, 1)).isCloseTo(0.0025, within(1e-15));
    }

    @Test
    void rejectsSettingsBeyondTheData() {
        assertThatThrownBy(() -> settings(58_000, 5_000, 1, 32, 1e-3, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("60000");
        assertThatThrownBy(() -> settings(100, 0, 0, 32, 1e-3, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be positive");
        assertThatThrownBy(() -> settings(100, 0, 1, 32, 0, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("learning rate");
        assertThatThrownBy(() -> settings(100, 0, 1, 32, 1e-3, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("decay per epoch must be in (0, 1]");
    }

    /** Settings of classic LeNet-5 without augmentation, seed 1. */
    private static FashionMnistTraining.Settings settings(int trainingImages, int heldOutImages, int epochs,
                                                          int batchSize, double learningRate, double decayPerEpoch,
                                                          int patience) {
        return new FashionMnistTraining.Settings(trainingImages, heldOutImages, epochs, batchSize, learningRate,
                decayPerEpoch, patience, LeNet5.Options.CLASSIC, false, 1);
    }

    private static FashionMnistTraining.Result run(FashionMnistTraining.Settings settings) throws IOException {
        FashionMnistTraining.Result result = FashionMnistTraining.run(TestAssets.fashionMnistOrSkip(), settings,
                false);
        System.out.printf("LeNet-5 %s: test accuracy %.4f after %d epoch(s) (best %d) in %.1f s%n", settings,
                result.testAccuracy(), result.report().epochsRun(), result.report().bestEpoch(),
                result.report().duration().toMillis() / 1000.0);
        return result;
    }
}
