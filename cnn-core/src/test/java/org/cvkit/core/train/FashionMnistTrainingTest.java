package org.cvkit.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;

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
 * <p>DL4J trains this LeNet-5 at about 240 (batch 32) to 430 (batch 512) images per second on two idle cores, so
 * 88% (about two epochs) takes some 9 minutes; that run and the full one are tagged slow.
 */
class FashionMnistTrainingTest {

    @Test
    void leNet5ReachesEightyFourPercentInOneShortEpoch() throws IOException {
        FashionMnistTraining.Result result = run(FashionMnistTraining.Settings.quick());

        assertThat(result.testAccuracy()).isGreaterThanOrEqualTo(0.84);
        ModelMetadata metadata = result.metadata();
        assertThat(metadata.architecture()).isEqualTo("LeNet-5");
        assertThat(metadata.labels()).isEqualTo(FashionMnist.CLASS_NAMES);
        assertThat(metadata.normalization()).isEqualTo(FashionMnist.STANDARDIZATION);
        assertThat(metadata.provenance().trainingData()).contains("24000 images");
        assertThat(metadata.provenance().epochs()).isEqualTo(1);
    }

    @Test
    @Tag("slow")
    void leNet5ReachesEightyEightPercentInTwoEpochs() throws IOException {
        assertThat(run(FashionMnistTraining.Settings.twoEpochs()).testAccuracy()).isGreaterThanOrEqualTo(0.88);
    }

    @Test
    @Tag("slow")
    void leNet5ReachesNinetyOnePercentOnTheFullTrainingSet() throws IOException {
        assertThat(run(FashionMnistTraining.Settings.full()).testAccuracy()).isGreaterThanOrEqualTo(0.91);
    }

    @Test
    void theLearningRateShrinksByTheDecayFactorOverOneEpoch() {
        // 1000 images in batches of 100: 10 iterations per epoch
        ISchedule schedule = new FashionMnistTraining.Settings(1000, 0, 3, 100, 0.01, 0.25, 1, 1)
                .learningRateSchedule();
        assertThat(schedule.valueAt(0, 0)).isEqualTo(0.01);
        assertThat(schedule.valueAt(5, 0)).isCloseTo(0.005, within(1e-15));
        assertThat(schedule.valueAt(10, 1)).isCloseTo(0.0025, within(1e-15));
    }

    @Test
    void rejectsSettingsBeyondTheData() {
        assertThatThrownBy(() -> new FashionMnistTraining.Settings(58_000, 5_000, 1, 32, 1e-3, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("60000");
        assertThatThrownBy(() -> new FashionMnistTraining.Settings(100, 0, 0, 32, 1e-3, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be positive");
        assertThatThrownBy(() -> new FashionMnistTraining.Settings(100, 0, 1, 32, 0, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("learning rate");
        assertThatThrownBy(() -> new FashionMnistTraining.Settings(100, 0, 1, 32, 1e-3, 0, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("decay per epoch must be in (0, 1]");
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
