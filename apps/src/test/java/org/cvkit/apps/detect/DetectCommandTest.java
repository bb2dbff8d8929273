package org.cvkit.apps.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.apps.CommandRunner;
import org.cvkit.apps.CommandRunner.Result;
import org.cvkit.apps.ExitCode;
import org.cvkit.apps.ImageFiles;
import org.cvkit.zoo.SharedAssets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cvkit detect} end to end on the sample media, with Yolo-Fastest XL and the tiny face detector. */
class DetectCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIP_FRAMES = 12;

    @TempDir
    static Path shared;

    @TempDir
    Path temp;

    private static Path clip;

    /** The first frames of the pedestrian video, so that a video run takes seconds. */
    @BeforeAll
    static void cutClip() throws IOException {
        clip = shared.resolve("clip.avi");
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(SharedAssets.resolve("vtest.avi").toFile())) {
            grabber.start();
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(clip.toFile(), grabber.getImageWidth(),
                    grabber.getImageHeight(), 0)) {
                recorder.setFormat("avi");
                recorder.setVideoCodec(org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MJPEG);
                recorder.setFrameRate(grabber.getFrameRate());
                recorder.start();
                for (int i = 0; i < CLIP_FRAMES; i++) {
                    recorder.record(grabber.grabImage());
                }
            }
        }
    }

    @Test
    void findsThePlayerAndTheBallAndDrawsThem() throws IOException {
        Path annotated = temp.resolve("messi-detected.png");
        Path json = temp.resolve("messi.jsonl");

        Result run = detect(SharedAssets.resolve("messi5.jpg").toString(),
                "--out", annotated.toString(), "--json", json.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).startsWith("messi5.jpg: ").contains("person 1.00", "sports ball");
        List<JsonNode> lines = jsonLines(json);
        assertThat(lines).hasSize(1);
        JsonNode line = lines.get(0);
        assertThat(line.get("frame").asInt()).isZero();
        assertThat(line.get("image").asText()).isEqualTo("messi5.jpg");
        JsonNode best = line.get("detections").get(0);
        assertThat(best.get("label").asText()).isEqualTo("person");
        assertThat(best.get("score").asDouble()).isGreaterThan(0.9);
        // The player fills the middle of the 548x342 picture.
        JsonNode box = best.get("box");
        assertThat(box.get(0).asDouble()).isBetween(100.0, 200.0);
        assertThat(box.get(2).asDouble()).isBetween(400.0, 500.0);
        assertThat(box.get(3).asDouble()).isBetween(300.0, 342.0);
        try (Mat original = ImageFiles.read(SharedAssets.resolve("messi5.jpg"));
             Mat drawn = ImageFiles.read(annotated)) {
            assertThat(drawn.cols()).isEqualTo(original.cols());
            assertThat(drawn.rows()).isEqualTo(original.rows());
        }
    }

    @Test
    void aVideoGivesOneJsonLinePerFrameAndAnAnnotatedCopy() throws IOException {
        Path annotated = temp.resolve("clip-detected.mp4");
        Path json = temp.resolve("clip.jsonl");

        Result run = detect(clip.toString(), "--model", "yolo-fastest-body",
                "--out", annotated.toString(), "--json", json.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("clip.avi: " + CLIP_FRAMES + " frames").contains("annotated video: "
                + annotated);
        List<JsonNode> lines = jsonLines(json);
        assertThat(lines).hasSize(CLIP_FRAMES);
        for (int i = 0; i < CLIP_FRAMES; i++) {
            assertThat(lines.get(i).get("frame").asInt()).isEqualTo(i);
            assertThat(lines.get(i).get("time_ms").asDouble()).isEqualTo(i * 100.0);
            assertThat(lines.get(i).has("image")).isFalse();
            // The pedestrian scene always shows several people; the body model calls them "body".
            assertThat(lines.get(i).get("detections")).hasSizeGreaterThanOrEqualTo(3)
                    .allSatisfy(detection -> assertThat(detection.get("label").asText()).isEqualTo("body"));
        }
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(annotated.toFile())) {
            grabber.start();
            int frames = 0;
            for (Frame frame = grabber.grabImage(); frame != null; frame = grabber.grabImage()) {
                frames++;
            }
            assertThat(frames).isEqualTo(CLIP_FRAMES);
        }
    }

    @Test
    void aFolderOfImagesGivesAnAnnotatedFolderAndJsonOnStandardOutput() throws IOException {
        Path in = Files.createDirectory(temp.resolve("in"));
        Files.copy(SharedAssets.resolve("sample1.jpg"), in.resolve("group.jpg"));
        Files.copy(SharedAssets.resolve("fruits.jpg"), in.resolve("fruits.jpg"));
        Path out = temp.resolve("out");

        Result run = detect(in.toString(), "--model", "face", "--out", out.toString(),
                "--json", "-");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.out().lines().toList()) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).extracting(line -> line.get("image").asText()).containsExactly("fruits.jpg", "group.jpg");
        assertThat(lines.get(0).get("detections")).isEmpty();
        // face-api finds the three faces of sample1.jpg with the same detector.
        assertThat(lines.get(1).get("detections")).hasSize(3)
                .allSatisfy(detection -> assertThat(detection.get("label").asText()).isEqualTo("face"));
        assertThat(run.err()).contains("group.jpg: 3 found: face");
        assertThat(listNames(out)).containsExactly("fruits.jpg", "group.jpg");
    }

    @Test
    void badInputFailsWithOneLineAndLeavesNoOutput() throws IOException {
        Path out = temp.resolve("out.mp4");
        Path json = temp.resolve("out.jsonl");
        Path notVideo = Files.writeString(temp.resolve("notes.avi"), "not a video");
        Path notImage = Files.writeString(temp.resolve("broken.jpg"), "not an image");
        String messi = SharedAssets.resolve("messi5.jpg").toString();

        assertFails(ExitCode.FAILURE, "no such file", temp.resolve("missing.mp4").toString());
        assertFails(ExitCode.FAILURE, "cannot decode " + notVideo, notVideo.toString(), "--out",
                out.toString(), "--json", json.toString());
        assertFails(ExitCode.USAGE, "cannot read image " + notImage, notImage.toString(), "--json",
                json.toString());
        assertFails(ExitCode.USAGE, "unknown model 'yolo9000'", messi, "--model", "yolo9000");
        assertFails(ExitCode.USAGE, "--conf must lie within 0:1 but is 1.5", messi, "--conf", "1.5");
        assertFails(ExitCode.USAGE, "--out for an image must be an image file", messi, "--out",
                out.toString());
        assertFails(ExitCode.USAGE, "end the file name with .mp4", clip.toString(), "--out",
                temp.resolve("clip.gif").toString());
        assertThat(listNames(temp)).containsExactlyInAnyOrder("notes.avi", "broken.jpg");
    }

    /** Runs {@code cvkit detect} with the shared asset mirror. */
    private static Result detect(String... args) {
        List<String> all = new ArrayList<>(List.of("detect", "--mirror", SharedAssets.mirror().toString()));
        all.addAll(List.of(args));
        return CommandRunner.run(all.toArray(String[]::new));
    }

    private static void assertFails(int exitCode, String message, String... args) {
        Result run = detect(args);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
        assertThat(run.err().lines().filter(line -> line.startsWith("cvkit: "))).as(run.err())
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING).contains(message);
    }

    private static List<JsonNode> jsonLines(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static List<String> listNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
