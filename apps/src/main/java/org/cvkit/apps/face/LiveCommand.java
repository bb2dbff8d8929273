package org.cvkit.apps.face;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.apps.ExitCode;
import org.cvkit.core.progress.ProgressLine;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.detection.media.DetectionPainter;
import org.cvkit.detection.media.FrameDetections;
import org.cvkit.detection.media.VideoDetection;
import org.cvkit.detection.media.VideoDetectionListener;
import org.cvkit.detection.media.VideoInfo;
import org.cvkit.detection.media.VideoSummary;
import org.cvkit.face.analysis.FaceAnalyzer;
import org.cvkit.face.analysis.FaceTracker;
import org.cvkit.face.gallery.Gallery;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cvkit face-verify live}: names the faces of a camera or a video as they come, in a window, or for a video
 * with {@code --out} without a window in an annotated copy.
 */
@Command(name = "live", mixinStandardHelpOptions = true,
        description = {"Name every face of a camera or a video as it comes: in a window that draws each face's box, "
                + "name or 'unknown', distance and landmarks (close it to stop),",
            "or, for a video with --out, without a window in an annotated copy of the video.",
            "Faces are followed from frame to frame and described again now and then (--describe-every), so a "
                + "frame costs about one detection. The window shows every frame, a video at its own frame rate, "
                + "with what the analysis, running beside it, last found."})
final class LiveCommand implements Callable<Integer> {

    /** The live window's title. */
    static final String WINDOW_TITLE = "cvkit face-verify";

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Mixin
    GalleryOptions gallery;

    @Mixin
    ThresholdOption thresholdOption;

    @Mixin
    AnalyzerOptions analyzerOptions;

    @Option(names = "--describe-every", paramLabel = "N", defaultValue = "" + FaceTracker.DEFAULT_REFRESH_INTERVAL,
            description = "Describe a face again after it has been followed for N frames (default: ${DEFAULT-VALUE});"
                    + " new faces are described at once. 1 describes every face in every frame: slower, and the same "
                    + "as identify on each frame.")
    int describeEvery;

    @Option(names = "--out", paramLabel = "VIDEO",
            description = "With --video: write an annotated copy (.mp4, .avi, .mkv or .mov) instead of showing a "
                    + "window.")
    Path out;

    /** Where the frames come from. */
    static final class Source {
        @Option(names = "--camera", paramLabel = "N", required = true, description = "Camera number, 0 for the first.")
        Integer camera;

        @Option(names = "--video", paramLabel = "FILE", required = true, description = "A video file.")
        Path video;
    }

    @Override
    public Integer call() throws IOException {
        if (out != null && source.video == null) {
            throw new IllegalArgumentException("--out writes an annotated copy of a --video; a camera is shown in a "
                    + "window only");
        }
        if (describeEvery < 1) {
            throw new IllegalArgumentException("--describe-every must be at least 1 frame but is " + describeEvery);
        }
        Gallery people = thresholdOption.applyTo(gallery.readOrEmpty());
        if (people.size() == 0) {
            spec.commandLine().getErr().println("nobody is enrolled in " + gallery.file()
                    + ", so every face shows as unknown");
        }
        return out != null ? annotateVideo(people) : showWindow(people);
    }

    private int showWindow(Gallery people) throws IOException {
        long frames = 0;
        long analyzed;
        long start;
        try (FrameSource frameSource = source.camera != null ? FrameSource.camera(source.camera)
                : FrameSource.video(source.video);
             LiveWindow window = LiveWindow.open(WINDOW_TITLE);
             FaceAnalyzer analyzer = analyzerOptions.load();
             BackgroundAnalysis analysis = new BackgroundAnalysis(identifier(analyzer, people))) {
            DetectionPainter painter = new DetectionPainter();
            start = System.nanoTime();
            while (window.isOpen()) {
                try (Mat frame = frameSource.next()) {
                    if (frame == null) {
                        break;
                    }
                    analysis.offer(frame);
                    painter.paint(frame, analysis.latest());
                    window.show(frame);
                    frames++;
                }
            }
            analyzed = analysis.analyzed();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        spec.commandLine().getOut().printf(Locale.ROOT, "%d frames in %.1f s (%.1f frames/s), faces analyzed in %d "
                + "(%.1f/s)%n", frames, seconds, rate(frames, seconds), analyzed, rate(analyzed, seconds));
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    private static double rate(long count, double seconds) {
        return seconds > 0 ? count / seconds : 0;
    }

    private int annotateVideo(Gallery people) throws IOException {
        VideoSummary summary;
        Sightings sightings;
        try (FaceAnalyzer analyzer = analyzerOptions.load()) {
            FaceIdentifier identifier = identifier(analyzer, people);
            try (Sightings listener = new Sightings(identifier, spec.commandLine().getErr())) {
                summary = new VideoDetection(identifier, new DetectionPainter()).run(source.video, out, listener);
                sightings = listener;
            }
        }
        PrintWriter report = spec.commandLine().getOut();
        report.printf(Locale.ROOT, "%s: %d frames in %.1f s (%.1f frames/s); %s; annotated video: %s%n",
                source.video.getFileName(), summary.frames(), summary.seconds(), summary.framesPerSecond(),
                sightings.describe(), out);
        report.flush();
        return ExitCode.OK;
    }

    private FaceIdentifier identifier(FaceAnalyzer analyzer, Gallery people) {
        return FaceIdentifier.tracking(new FaceTracker(analyzer, describeEvery, FaceTracker.DEFAULT_MIN_IOU), people);
    }

    /** Counts the frames each person is seen in, and shows a progress bar with frames per second. */
    private static final class Sightings implements VideoDetectionListener, AutoCloseable {
        private final FaceIdentifier identifier;
        private final ProgressLine line;
        private final Map<String, Integer> frames = new TreeMap<>();
        private ProgressBar bar;

        Sightings(FaceIdentifier identifier, PrintWriter err) {
            this.identifier = identifier;
            this.line = new ProgressLine(err);
        }

        @Override
        public void started(VideoInfo info) {
            bar = new ProgressBarBuilder().setTaskName("live").setInitialMax(info.frameCount())
                    .setUnit(" frames", 1).showSpeed().setConsumer(line).build();
        }

        @Override
        public void frameDone(FrameDetections frame) {
            bar.step();
            frame.detections().stream().map(Detection::classIndex).distinct().map(identifier::person)
                    .forEach(person -> frames.merge(person, 1, Integer::sum));
        }

        /** @return e.g. "Ada in 12 frames, unknown in 3", or "no face" */
        String describe() {
            return frames.isEmpty() ? "no face" : frames.entrySet().stream()
                    .map(seen -> seen.getKey() + " in " + seen.getValue() + " frame" + (seen.getValue() == 1 ? ""
                            : "s"))
                    .collect(Collectors.joining(", "));
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
            line.close();
        }
    }
}
