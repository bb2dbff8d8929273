package org.cvkit.detection.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.zoo.SharedAssets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streams OpenCV's pedestrian sample video (795 frames of 768x576 at 10 frames/s) through stand-in detectors. */
class VideoDetectionTest {

    private static final Box MARKED = Box.fromCorners(100, 100, 300, 400);
    private static final int MARKED_CLASS = 5;

    private static Path video;

    @TempDir
    Path folder;

    @BeforeAll
    static void findVideo() {
        video = SharedAssets.resolve("vtest.avi");
    }

    @Test
    void everyFrameReachesTheDetectorInOrderWithItsTime() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        Recorder recorder = new Recorder();
        VideoSummary summary = new VideoDetection(image -> {
            assertThat(image.cols()).isEqualTo(768);
            assertThat(image.rows()).isEqualTo(576);
            return calls.getAndIncrement() % 2 == 0 ? List.of(marked()) : List.of();
        }, new DetectionPainter()).run(video, recorder);

        assertThat(recorder.info).isEqualTo(new VideoInfo(new ImageSize(768, 576), 10.0, 795));
        assertThat(summary.frames()).isEqualTo(795);
        assertThat(summary.detections()).isEqualTo(398);
        assertThat(recorder.frames).hasSize(795);
        for (int i = 0; i < recorder.frames.size(); i++) {
            FrameDetections frame = recorder.frames.get(i);
            assertThat(frame.index()).isEqualTo(i);
            assertThat(frame.timeMillis()).as("frame %d", i).isCloseTo(i * 100.0, within(1.0));
            assertThat(frame.detections()).hasSize(i % 2 == 0 ? 1 : 0);
        }
    }

    @Test
    void writesAnAnnotatedCopyWithTheSameFramesAndTheBoxesDrawnIn() throws IOException {
        Path annotated = folder.resolve("out/annotated.mp4");
        new VideoDetection(image -> List.of(marked()), new DetectionPainter()).run(video, annotated, new Recorder());

        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(annotated.toFile());
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
             Scalar colour = DetectionPainter.classColour(MARKED_CLASS)) {
            grabber.start();
            assertThat(grabber.getImageWidth()).isEqualTo(768);
            assertThat(grabber.getImageHeight()).isEqualTo(576);
            assertThat(grabber.getFrameRate()).isCloseTo(10.0, within(0.01));
            int frames = 0;
            for (Frame frame = grabber.grabImage(); frame != null; frame = grabber.grabImage()) {
                if (frames++ % 100 == 0) {
                    assertOutlined(converter.convert(frame), colour);
                }
            }
            assertThat(frames).isEqualTo(795);
        }
        assertThat(folder.resolve("out")).isDirectoryContaining(path -> true);
        try (var files = Files.list(folder.resolve("out"))) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("annotated.mp4");
        }
    }

    @Test
    void aDetectorFailureLeavesNoOutputBehind() throws IOException {
        Path annotated = folder.resolve("annotated.avi");
        AtomicInteger calls = new AtomicInteger();
        VideoDetection failing = new VideoDetection(image -> {
            if (calls.incrementAndGet() == 30) {
                throw new IllegalStateException("detector broke");
            }
            return List.of(marked());
        }, new DetectionPainter());

        assertThatThrownBy(() -> failing.run(video, annotated, new Recorder()))
                .isInstanceOf(IllegalStateException.class).hasMessage("detector broke");
        try (var files = Files.list(folder)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void badInputGivesClearErrors() throws IOException {
        VideoDetection detection = new VideoDetection(image -> List.of(), new DetectionPainter());
        Path text = Files.writeString(folder.resolve("notes.avi"), "not a video");

        assertThatThrownBy(() -> detection.run(folder.resolve("missing.avi"), new Recorder()))
                .isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> detection.run(text, new Recorder())).isInstanceOf(MediaFormatException.class)
                .hasMessageContaining("cannot decode " + text + " as a video");
        assertThatThrownBy(() -> detection.run(video, folder.resolve("out.gif"), new Recorder()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(".mp4, .avi, .mkv, .mov");
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(text);
        }
    }

    private static Detection marked() {
        return new Detection(MARKED, MARKED_CLASS, "walker", 0.75);
    }

    /** The left edge of the marked box carries its colour, give or take the video codec's loss. */
    private static void assertOutlined(Mat image, Scalar colour) {
        try (UByteIndexer pixels = image.createIndexer()) {
            int left = (int) MARKED.x1();
            for (int y = 200; y <= 300; y += 50) {
                for (int channel = 0; channel < 3; channel++) {
                    assertThat((double) pixels.get(y, left, channel)).as("(%d, %d) channel %d", left, y, channel)
                            .isCloseTo(colour.get(channel), within(60.0));
                }
            }
        }
    }

    /** Keeps what the listener heard. */
    private static final class Recorder implements VideoDetectionListener {
        private VideoInfo info;
        private final List<FrameDetections> frames = new ArrayList<>();

        @Override
        public void started(VideoInfo videoInfo) {
            info = videoInfo;
        }

        @Override
        public void frameDone(FrameDetections frame) {
            frames.add(frame);
        }
    }
}
