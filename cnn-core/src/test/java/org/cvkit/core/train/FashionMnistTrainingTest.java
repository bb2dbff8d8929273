package org.cvkit.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;

import org.cvkit.core.data.FashionMnist;
import org.cvkit.core.data.TestAssets;
import org.cvkit.core.io.ModelMetadata;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Learning tests: LeNet-5 must reach a stated accuracy on the full 10,000-image Fashion-MNIST test set. For scale,
 * the published baselines of the data set's authors (benchmark/baselines.json) put classic models between 84% and
 * 90%.
 */
class FashionMnistTrainingTest {

    @Test
    void leNet5ReachesEightyEightPercentInOneEpoch() throws IOException {
        Path data = TestAssets.fashionMnistOrSkip();

        FashionMnistTraining.Result result = FashionMnistTraining.run(data, FashionMnistTraining.Settings.quick(),
                false);

        System.out.printf("LeNet-5, quick run: test accuracy %.4f, training %.1f s%n", result.testAccuracy(),
                result.report().duration().toMillis() / 1000.0);
        assertThat(result.testAccuracy()).isGreaterThanOrEqualTo(0.88);
        ModelMetadata metadata = result.metadata();
        assertThat(metadata.architecture()).isEqualTo("LeNet-5");
        assertThat(metadata.labels()).isEqualTo(FashionMnist.CLASS_NAMES);
        assertThat(metadata.provenance().trainingData()).contains("50000 images");
    }

    @Test
    @Tag("slow")
    void leNet5ReachesNinetyOnePercentOnTheFullTrainingSet() throws IOException {
        FashionMnistTraining.Result result = FashionMnistTraining.run(TestAssets.fashionMnistOrSkip(),
                FashionMnistTraining.Settings.full(), false);

        System.out.printf("LeNet-5, full run: test accuracy %.4f after %d epochs (best %d), %.1f s%n",
                result.testAccuracy(), result.report().epochsRun(), result.report().bestEpoch(),
                result.report().duration().toMillis() / 1000.0);
        assertThat(result.testAccuracy()).isGreaterThanOrEqualTo(0.91);
    }

    @Test
    void theLearningRateShrinksByTheDecayFactorOverOneEpoch() {
        FashionMnistTraining.Settings settings = new FashionMnistTraining.Settings(1000, 0, 3, 100, 0.01, 0.25, 1, 1);
        var schedule = settings.learningRateSchedule();
        assertThat(schedule.valueAt(0, 0)).isEqualTo(0.01);
        assertThat(schedule.valueAt(10, 1)).isCloseTo(0.0025, within(1e-15));
        assertThat(schedule.valueAt(5, 0)).isCloseTo(0.005, within(1e-15));
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
}
