package org.cvkit.apps.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.apps.CommandRunner;
import org.cvkit.apps.CommandRunner.Result;
import org.cvkit.apps.ExitCode;
import org.cvkit.zoo.SharedAssets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cvkit train yolo} for one epoch, then its model in {@code cvkit detect}. */
class TrainYoloCommandTest {

    @TempDir
    Path temp;

    @Test
    void trainsSavesAndTheModelDetectsInAnImage() throws IOException {
        Path model = temp.resolve("yolo.zip");
        Path preview = temp.resolve("held-out.png");

        Result train = CommandRunner.run("train", "yolo", "--epochs", "1", "--out", model.toString(), "--json",
                "--preview", preview.toString(), "--mirror", SharedAssets.mirror().toString());

        assertThat(train.exitCode()).as(train.err()).isEqualTo(ExitCode.OK);
        JsonNode report = new ObjectMapper().readTree(train.out());
        assertThat(report.get("mAP50").asDouble()).isBetween(0.0, 1.0);
        assertThat(report.get("averagePrecisions").fieldNames()).toIterable()
                .containsExactly("Trouser", "Sneaker", "Bag");
        assertThat(report.get("anchorMeanIou").asDouble()).isBetween(0.5, 1.0);
        assertThat(model).isRegularFile();
        assertThat(report.get("preview").asText()).isEqualTo(preview.toString());
        // 16 scenes of 96 x 96 enlarged 3 times, 4 to a row, 4-pixel gaps: 4 * 288 + 3 * 4 = 1164 square
        try (Mat picture = imread(preview.toString())) {
            assertThat(picture.cols()).isEqualTo(1164);
            assertThat(picture.rows()).isEqualTo(1164);
        }

        Path json = temp.resolve("detections.jsonl");
        Result detect = CommandRunner.run("detect", SharedAssets.resolve("fruits.jpg").toString(), "--model",
                model.toString(), "--conf", "0.05", "--json", json.toString());
        assertThat(detect.exitCode()).as(detect.err()).isEqualTo(ExitCode.OK);
        JsonNode line = new ObjectMapper().readTree(Files.readString(json));
        assertThat(line.get("image").asText()).isEqualTo("fruits.jpg");
        line.get("detections").forEach(detection -> assertThat(detection.get("label").asText())
                .isIn("Trouser", "Sneaker", "Bag"));
    }

    @Test
    void badInputFailsWithOneLineAndNoModel() throws IOException {
        Path model = temp.resolve("yolo.zip");
        Path notModel = Files.writeString(temp.resolve("not-a-model.zip"), "text");

        Result epochs = CommandRunner.run("train", "yolo", "--epochs", "0", "--out", model.toString());
        Result preview = CommandRunner.run("train", "yolo", "--preview", temp.resolve("scenes.gif").toString(),
                "--out", model.toString());
        Result detect = CommandRunner.run("detect", SharedAssets.resolve("fruits.jpg").toString(), "--model",
                notModel.toString());

        assertThat(epochs.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(epochs.err()).isEqualTo("cvkit: --epochs must be positive but is 0\n");
        assertThat(preview.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(preview.err()).startsWith("cvkit: --preview must be an image file ending in one of ");
        assertThat(model).doesNotExist();
        assertThat(detect.exitCode()).isNotZero();
        assertThat(detect.err()).startsWith("cvkit: ").contains("not-a-model.zip");
        assertThat(detect.err().lines()).hasSize(1);
    }
}
