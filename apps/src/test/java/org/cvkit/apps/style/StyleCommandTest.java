package org.cvkit.apps.style;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.cvkit.apps.CommandRunner;
import org.cvkit.apps.CommandRunner.Result;
import org.cvkit.apps.ExitCode;
import org.cvkit.zoo.SharedAssets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end runs of {@code cvkit style} on the sample pictures of the asset mirror. */
class StyleCommandTest {

    @TempDir
    Path temp;

    @TempDir
    Path cache;

    private Path content;
    private Path style;

    @BeforeEach
    void copyTheSamples() throws IOException {
        Path samples = SharedAssets.mirror().resolve("opencv-samples");
        content = Files.copy(samples.resolve("messi5.jpg"), temp.resolve("messi5.jpg"));
        style = Files.copy(samples.resolve("starry_night.jpg"), temp.resolve("starry_night.jpg"));
    }

    @Test
    void stylizesTheSamplePicturesAndReportsTheLosses() throws IOException {
        Path out = temp.resolve("result.png");
        Path json = temp.resolve("run.json");

        Result run = style("--out", out.toString(), "--size", "64", "--iterations", "4", "--snapshot-every", "2",
                "--json", json.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        BufferedImage result = ImageIO.read(out.toFile());
        assertThat(result.getWidth()).isEqualTo(64);
        assertThat(result.getHeight()).isEqualTo(40); // 548x342 scaled to 64 long
        assertThat(ImageIO.read(temp.resolve("result.0002.png").toFile()).getWidth()).isEqualTo(64);
        assertThat(temp.resolve("result.0004.png")).exists();
        JsonNode summary = new ObjectMapper().readTree(json.toFile());
        assertThat(summary.get("iterations").asInt()).isEqualTo(4);
        assertThat(summary.get("seconds").asDouble()).isPositive();
        assertThat(summary.get("initial").get("content").asDouble()).isZero();
        assertThat(summary.get("final").get("style").asDouble())
                .isLessThan(summary.get("initial").get("style").asDouble());
        assertThat(run.err()).contains("4/4").contains("scale 1/1 64x40, content ");
        assertThat(run.out()).startsWith("wrote " + out + " (64x40) after 4 iterations");
    }

    @Test
    void colourPreservingMultiScaleRunWithAdamFromNoise() throws IOException {
        Path out = temp.resolve("result.jpg");

        Result run = style("--out", out.toString(), "--size", "128", "--iterations", "4", "--scales", "2",
                "--optimizer", "adam", "--init", "noise", "--preserve-colour", "--network", "yolo-fastest");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(ImageIO.read(out.toFile()).getWidth()).isEqualTo(128);
        assertThat(run.err()).contains("4/4").contains("scale 2/2 128x80");
    }

    @Test
    void aMissingInputIsReportedOnOneLine() throws IOException {
        Result run = run("--content", temp.resolve("nothing.jpg").toString(), "--style", style.toString(),
                "--out", temp.resolve("out.jpg").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(run.err()).isEqualTo("cvkit: no such file: " + temp.resolve("nothing.jpg")
                + System.lineSeparator());
        assertNothingWritten();
    }

    @Test
    void anUnreadableImageIsReported() throws IOException {
        Path corrupt = Files.writeString(temp.resolve("corrupt.jpg"), "not a picture");

        Result run = run("--content", content.toString(), "--style", corrupt.toString(),
                "--out", temp.resolve("out.jpg").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("cannot read image " + corrupt + ": the file is corrupt or not an image")
                .hasLineCount(1);
        assertNothingWritten();
    }

    @Test
    void badOptionValuesAreRejectedWithoutWritingAnything() throws IOException {
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"--size", "0"});
        cases.add(new String[] {"--optimizer", "sgd"});
        cases.add(new String[] {"--network", "resnet"});
        cases.add(new String[] {"--init", "zeros"});
        cases.add(new String[] {"--style-weight", "-1"});
        cases.add(new String[] {"--iterations", "0"});
        cases.add(new String[] {"--snapshot-every", "0"});
        cases.add(new String[] {"--size", "64", "--scales", "3"});
        List<String> expected = List.of("--size must be positive", "--optimizer", "unknown network 'resnet'",
                "--init", "style weight must be finite and at least 0", "iterations must be positive",
                "every N iterations", "fewer scales");
        for (int i = 0; i < cases.size(); i++) {
            Result run = style(concat(cases.get(i), "--out", temp.resolve("out.jpg").toString()));

            assertThat(run.exitCode()).as(String.join(" ", cases.get(i))).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).as(String.join(" ", cases.get(i))).startsWith("cvkit: ")
                    .contains(expected.get(i)).hasLineCount(1);
        }
        assertNothingWritten();
    }

    @Test
    void anOutputWithoutAnImageFormatIsRejected() throws IOException {
        Result run = style("--out", temp.resolve("result.txt").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--out must end in one of").contains("jpg, png").contains("result.txt");
        assertNothingWritten();
    }

    private Result style(String... options) {
        return run(concat(new String[] {"--content", content.toString(), "--style", style.toString()}, options));
    }

    private Result run(String... args) {
        return CommandRunner.run(concat(new String[] {"style", "--mirror", SharedAssets.mirror().toString(),
                "--cache", cache.toString()}, args));
    }

    private static String[] concat(String[] first, String... second) {
        return Stream.concat(Stream.of(first), Stream.of(second)).toArray(String[]::new);
    }

    private void assertNothingWritten() throws IOException {
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .as("only the inputs remain").isSubsetOf("messi5.jpg", "starry_night.jpg", "corrupt.jpg");
        }
    }
}
