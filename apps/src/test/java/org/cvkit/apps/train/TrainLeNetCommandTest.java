package org.cvkit.apps.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.cvkit.apps.CommandRunner;
import org.cvkit.apps.CommandRunner.Result;
import org.cvkit.apps.ExitCode;
import org.cvkit.core.io.ModelIO;
import org.cvkit.core.io.ModelMetadata;
import org.cvkit.zoo.SharedAssets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end runs of {@code cvkit train lenet} on the real Fashion-MNIST files. */
class TrainLeNetCommandTest {

    @TempDir
    Path temp;

    @Test
    void shortRunLearnsSavesTheModelAndDrawsTheFilters() throws Exception {
        Path data = SharedAssets.resolve("train-images-idx3-ubyte.gz").getParent();
        Path model = temp.resolve("lenet.zip");
        Path filters = temp.resolve("filters.png");

        Result result = CommandRunner.run("train", "lenet", "--data", data.toString(), "--train-images", "3000",
                "--out", model.toString(), "--filters", filters.toString(), "--json");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.OK);
        JsonNode summary = new ObjectMapper().readTree(result.out());
        // 3,000 images for one epoch: far above the 10% of chance on the 10,000 test images.
        assertThat(summary.get("testAccuracy").asDouble()).isGreaterThan(0.65);
        assertThat(summary.get("epochs").asInt()).isEqualTo(1);
        ModelMetadata metadata = ModelIO.readMetadata(model);
        assertThat(metadata.labels()).hasSize(10).startsWith("T-shirt/top", "Trouser");
        assertThat(metadata.architecture()).isEqualTo("LeNet-5");
        BufferedImage grid = ImageIO.read(filters.toFile());
        assertThat(grid.getWidth()).isGreaterThan(5 * 12);
    }

    @Test
    void badInputIsAOneLineErrorAndWritesNoModel() {
        Path model = temp.resolve("lenet.zip");

        Result badPreset = CommandRunner.run("train", "lenet", "--preset", "huge", "--out", model.toString());
        assertThat(badPreset.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(badPreset.err().lines()).hasSize(1);
        assertThat(badPreset.err()).contains("--preset").contains("QUICK, FULL").contains("huge");

        Result missingData = CommandRunner.run("train", "lenet", "--data", temp.resolve("nowhere").toString(),
                "--out", model.toString());
        assertThat(missingData.exitCode()).isNotEqualTo(ExitCode.OK);
        assertThat(missingData.err().lines()).hasSize(1);
        assertThat(missingData.err()).startsWith("cvkit: ").contains("nowhere");

        Result badCount = CommandRunner.run("train", "lenet", "--train-images", "0", "--out", model.toString());
        assertThat(badCount.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(badCount.err()).contains("training (0)");

        assertThat(Files.exists(model)).isFalse();
    }
}
