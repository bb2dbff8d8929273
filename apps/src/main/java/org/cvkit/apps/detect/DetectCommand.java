package org.cvkit.apps.detect;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.apps.ExitCode;
import org.cvkit.apps.ImageFiles;
import org.cvkit.apps.StagedFolder;
import org.cvkit.apps.StoreOptions;
import org.cvkit.core.io.AtomicFiles;
import org.cvkit.core.progress.ProgressLine;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.detection.media.DetectionPainter;
import org.cvkit.detection.media.FrameDetections;
import org.cvkit.detection.media.ObjectDetector;
import org.cvkit.detection.media.VideoDetection;
import org.cvkit.detection.media.VideoDetectionListener;
import org.cvkit.detection.media.VideoInfo;
import org.cvkit.detection.media.VideoSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cvkit detect [INPUT]}: finds objects in an image, a folder of images or a video. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Detect objects in an image, a folder of images or a video, frame by frame.",
            "With no INPUT it runs on OpenCV's pedestrian sample video (vtest.avi) and writes "
                    + DetectCommand.SAMPLE_OUTPUT + "."},
        footer = {"", "Outputs are written only when the whole input went through: a failed run leaves none behind.",
            "Models: " + "yolo-fastest-xl (COCO, 80 classes; default), yolo-fastest, yolo-fastest-body (people), "
                    + "yolov3-tiny (once fetched), face (face-api's tiny face detector), a Darknet .cfg file, or a model "
                    + "trained with 'cvkit train yolo' (.zip; default --conf 0.6, --iou 0.5 as in the course)."})
public final class DetectCommand implements Callable<Integer> {

    static final String SAMPLE_VIDEO = "vtest.avi";
    static final String SAMPLE_OUTPUT = "vtest-detections.mp4";

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(index = "0", arity = "0..1", paramLabel = "INPUT",
            description = "An image, a folder of images, or a video (default: the sample video).")
    Path input;

    @Option(names = "--model", defaultValue = "yolo-fastest-xl", paramLabel = "MODEL",
            description = "Zoo model name, 'face', a Darknet .cfg file, or a .zip from 'cvkit train yolo' "
                    + "(default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--weights", paramLabel = "FILE",
            description = "Darknet weights for a .cfg model (default: the .weights file beside it).")
    Path weights;

    @Option(names = "--names", paramLabel = "FILE",
            description = "Class names for a .cfg model, one a line (default: the .names file beside it).")
    Path names;

    @Option(names = "--conf", paramLabel = "SCORE",
            description = "Lowest score kept (default: 0.25 for YOLO, 0.5 for faces).")
    Double confidence;

    @Option(names = "--iou", paramLabel = "IOU",
            description = "Overlap at which the lower-scoring box is suppressed (default: 0.45 for YOLO, 0.4 for faces).")
    Double iou;

    @Option(names = "--out", paramLabel = "PATH",
            description = "Annotated output: an image file for an image, a folder for a folder, a .mp4/.avi/.mkv/.mov"
                    + " file for a video.")
    Path out;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Write the detections as JSON lines, one object a frame or image ('-' for standard output).")
    Path json;

    @Override
    public Integer call() throws IOException {
        requireUnitInterval("--conf", confidence);
        requireUnitInterval("--iou", iou);
        Path source = input != null ? input : storeOptions.store().resolve(SAMPLE_VIDEO);
        Path annotated = out != null || input != null ? out : Path.of(SAMPLE_OUTPUT);
        if (!Files.exists(source)) {
            throw new NoSuchFileException(source.toString());
        }
        Kind kind = Files.isDirectory(source) ? Kind.FOLDER : ImageFiles.isImage(source) ? Kind.IMAGE : Kind.VIDEO;
        if (kind == Kind.IMAGE && annotated != null && !ImageFiles.isImage(annotated)) {
            throw new IllegalArgumentException("--out for an image must be an image file ending in one of "
                    + String.join(", ", ImageFiles.EXTENSIONS.stream().sorted().toList()) + ", not " + annotated);
        }
        ObjectDetector detector = DetectorModels.load(model, weights, names, confidence, iou, storeOptions.store());
        PrintWriter report = jsonToStandardOutput() ? spec.commandLine().getErr() : spec.commandLine().getOut();
        withJson(lines -> {
            switch (kind) {
                case FOLDER -> detectImages(detector, ImageFiles.list(source), annotated, true, lines, report);
                case IMAGE -> detectImages(detector, List.of(source), annotated, false, lines, report);
                case VIDEO -> detectVideo(detector, source, annotated, lines, report);
            }
        });
        report.flush();
        return ExitCode.OK;
    }

    private void detectVideo(ObjectDetector detector, Path video, Path annotated, DetectionJsonLines lines,
                             PrintWriter report) throws IOException {
        VideoDetection detection = new VideoDetection(detector, new DetectionPainter());
        VideoSummary summary;
        try (VideoProgress progress = new VideoProgress(spec.commandLine().getErr(), lines)) {
            summary = annotated == null ? detection.run(video, progress) : detection.run(video, annotated, progress);
        }
        report.printf(Locale.ROOT, "%s: %d frames in %.1f s (%.1f frames/s), %d detections%s%n",
                video.getFileName(), summary.frames(), summary.seconds(), summary.framesPerSecond(),
                summary.detections(), annotated == null ? "" : "; annotated video: " + annotated);
    }

    private void detectImages(ObjectDetector detector, List<Path> images, Path annotated, boolean toFolder,
                              DetectionJsonLines lines, PrintWriter report) throws IOException {
        DetectionPainter painter = new DetectionPainter();
        try (StagedFolder staged = toFolder && annotated != null ? StagedFolder.beside(annotated) : null;
             ProgressLine line = new ProgressLine(spec.commandLine().getErr());
             ProgressBar progress = toFolder ? new ProgressBarBuilder().setTaskName("detect")
                     .setInitialMax(images.size()).setUnit(" images", 1).showSpeed().setConsumer(line).build()
                     : null) {
            for (int i = 0; i < images.size(); i++) {
                Path image = images.get(i);
                try (Mat pixels = ImageFiles.read(image)) {
                    List<Detection> found = detector.detect(pixels);
                    if (lines != null) {
                        lines.write(new FrameDetections(i, 0, found), image.getFileName().toString());
                    }
                    if (annotated != null) {
                        painter.paint(pixels, found);
                        ImageFiles.write(staged != null ? staged.path().resolve(image.getFileName()) : annotated,
                                pixels);
                    }
                    report.println(image.getFileName() + ": " + describe(found));
                }
                if (progress != null) {
                    progress.step();
                }
            }
            if (staged != null) {
                staged.commit();
            }
        }
    }

    private static void requireUnitInterval(String option, Double value) {
        if (value != null && !(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(option + " must lie within 0:1 but is " + value);
        }
    }

    private static String describe(List<Detection> detections) {
        if (detections.isEmpty()) {
            return "nothing found";
        }
        return detections.stream().map(detection -> String.format(Locale.ROOT, "%s %.2f [%.0f, %.0f, %.0f, %.0f]",
                        detection.label(), detection.score(), detection.box().x1(), detection.box().y1(),
                        detection.box().x2(), detection.box().y2()))
                .collect(Collectors.joining(", ", detections.size() + " found: ", ""));
    }

    private boolean jsonToStandardOutput() {
        return json != null && json.toString().equals("-");
    }

    /** Runs the work with the JSON lines output it asked for, written atomically unless it is standard output. */
    private void withJson(JsonWork work) throws IOException {
        if (json == null) {
            work.run(null);
        } else if (jsonToStandardOutput()) {
            work.run(new DetectionJsonLines(spec.commandLine().getOut()));
        } else {
            AtomicFiles.write(json, temporary -> {
                try (Writer writer = Files.newBufferedWriter(temporary)) {
                    work.run(new DetectionJsonLines(writer));
                }
            });
        }
    }

    /** Work that may write JSON lines. */
    @FunctionalInterface
    private interface JsonWork {
        void run(DetectionJsonLines lines) throws IOException;
    }

    /** What INPUT is. */
    private enum Kind { IMAGE, FOLDER, VIDEO }

    /** Shows a progress bar with frames per second, and passes each frame on to the JSON lines. */
    private static final class VideoProgress implements VideoDetectionListener, AutoCloseable {
        private final ProgressLine line;
        private final DetectionJsonLines lines;
        private ProgressBar bar;

        VideoProgress(PrintWriter err, DetectionJsonLines lines) {
            this.line = new ProgressLine(err);
            this.lines = lines;
        }

        @Override
        public void started(VideoInfo info) {
            bar = new ProgressBarBuilder().setTaskName("detect").setInitialMax(info.frameCount())
                    .setUnit(" frames", 1).showSpeed().setConsumer(line).build();
        }

        @Override
        public void frameDone(FrameDetections frame) {
            bar.step();
            if (lines != null) {
                try {
                    lines.write(frame, null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
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
