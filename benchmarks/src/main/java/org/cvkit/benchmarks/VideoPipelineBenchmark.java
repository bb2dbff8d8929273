package org.cvkit.benchmarks;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.detection.darknet.YoloDetector;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.detection.geometry.NmsConfig;
import org.cvkit.detection.media.DetectionPainter;
import org.cvkit.detection.media.ObjectDetector;
import org.cvkit.detection.media.VideoDetection;
import org.cvkit.zoo.asset.AssetStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Yolo-Fastest 1.1 XL over the first {@value #FRAMES} frames of the pedestrian video (768x576): the detector alone on
 * decoded frames, {@link VideoDetection} (decode, detect, draw, encode, with decoding and encoding overlapped), and
 * the same steps one after another on one thread, as a hand-written loop does them. Times are per video; divide by
 * {@value #FRAMES} for a frame.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
@State(Scope.Benchmark)
public class VideoPipelineBenchmark {

    private static final int FRAMES = 30;

    private Path folder;
    private Path clip;
    private ObjectDetector detector;
    private final List<Mat> decoded = new ArrayList<>();

    /** Cuts the clip, decodes it once for the detector-only case and loads the detector. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        AssetStore store = AssetStore.fromEnvironment();
        folder = Files.createTempDirectory("cvkit-video-benchmark");
        clip = folder.resolve("clip.avi");
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(store.resolve("vtest.avi").toFile());
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            try (FFmpegFrameRecorder recorder = recorder(clip, grabber.getImageWidth(), grabber.getImageHeight())) {
                recorder.start();
                for (int i = 0; i < FRAMES; i++) {
                    Frame frame = grabber.grabImage();
                    recorder.record(frame);
                    decoded.add(converter.convert(frame).clone());
                }
            }
        }
        YoloDetector yolo = YoloDetector.load(store.resolve("yolo-fastest-1.1-xl.cfg"),
                store.resolve("yolo-fastest-1.1-xl.weights"), store.resolve("coco.names"));
        NmsConfig nms = new NmsConfig(0.25, 0.45, false);
        detector = image -> yolo.detect(image, nms);
    }

    /** Releases the frames and removes the clip and outputs. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        decoded.forEach(Mat::close);
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(folder);
    }

    /** The detector alone on frames decoded beforehand. */
    @Benchmark
    public int detectorOnly() {
        int found = 0;
        for (Mat frame : decoded) {
            found += detector.detect(frame).size();
        }
        return found;
    }

    /** {@link VideoDetection}: decoding and encoding overlap with detection. */
    @Benchmark
    public long videoDetection() throws IOException {
        return new VideoDetection(detector, new DetectionPainter())
                .run(clip, folder.resolve("pipeline.avi"), frame -> { }).detections();
    }

    /** Decode, detect, draw and encode one frame after another on one thread. */
    @Benchmark
    public long sequentialLoop() throws IOException {
        long found = 0;
        DetectionPainter painter = new DetectionPainter();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile());
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            try (FFmpegFrameRecorder recorder = recorder(folder.resolve("sequential.avi"), grabber.getImageWidth(),
                    grabber.getImageHeight())) {
                recorder.start();
                for (Frame frame = grabber.grabImage(); frame != null; frame = grabber.grabImage()) {
                    Mat image = converter.convert(frame);
                    List<Detection> detections = detector.detect(image);
                    painter.paint(image, detections);
                    recorder.record(converter.convert(image));
                    found += detections.size();
                }
            }
        }
        return found;
    }

    private static FFmpegFrameRecorder recorder(Path file, int width, int height) {
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
        recorder.setFormat("avi");
        recorder.setVideoCodec(AV_CODEC_ID_MPEG4);
        recorder.setVideoQuality(4);
        recorder.setFrameRate(10);
        return recorder;
    }
}
