package org.cvkit.benchmarks;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.cvkit.core.image.ImageConversions;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.face.analysis.AnalyzedFace;
import org.cvkit.face.analysis.FaceAnalyzer;
import org.cvkit.face.analysis.FaceTracker;
import org.cvkit.face.analysis.TrackedFace;
import org.cvkit.face.gallery.Embedding;
import org.cvkit.face.haar.HaarFaceDetector;
import org.cvkit.zoo.asset.AssetStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The face-verification loop on a 640x480 frame of the three women of sample3, as {@code cvkit face-verify live}
 * runs it: {@code analyze} finds, aligns and describes every face (detector, 68 landmarks, 128-d descriptor);
 * {@code detect} is the detection alone, so {@code (analyze - detect) / 3} is the landmark, alignment and
 * descriptor time per face (the landmark and recognition nets each run once on the three faces as a batch);
 * {@code track} is a frame of the live loop, which follows the faces and describes one now and then;
 * {@code describe} is the recognition net on one aligned crop. Each runs with face-api's
 * tiny face detector and with OpenCV's Haar cascade, the peer for the detection step; both find the three faces.
 * The photo and the weights come from the zoo ({@code CVKIT_MIRROR} or the cache).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class FaceBenchmark {

    private static final Size FRAME = new Size(640, 480);
    /** sample3's three women, 4:3. */
    private static final Rect THREE_WOMEN = new Rect(450, 200, 1400, 1050);
    private static final int FACES = 3;

    /** The 640x480 frame and an analyzer with one of the two detectors and face-api's other nets. */
    @State(Scope.Thread)
    public static class Frames {

        @Param({"tiny", "haar"})
        public String detector;

        private FaceAnalyzer analyzer;
        private FaceTracker tracker;
        private Mat frame;
        private BufferedImage image;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            FaceAnalyzer tiny = FaceAnalyzer.load(AssetStore.fromEnvironment());
            analyzer = detector.equals("tiny") ? tiny : tiny.withDetector(HaarFaceDetector.load());
            frame = frame();
            image = ImageConversions.toBufferedImage(frame);
            tracker = FaceTracker.of(analyzer);
            int found = analyzer.analyze(frame).size();
            if (found != FACES) {
                throw new IllegalStateException("the " + detector + " detector finds " + found + " faces in the "
                        + "frame instead of " + FACES + "; the benchmark would not measure what it says");
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            frame.close();
            analyzer.close();
        }

    }

    /** One aligned face crop of the frame, as the analyzer cuts it out. */
    @State(Scope.Thread)
    public static class Crop {

        private FaceAnalyzer analyzer;
        private BufferedImage alignedCrop;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            analyzer = FaceAnalyzer.load(AssetStore.fromEnvironment());
            try (Mat frame = frame()) {
                AnalyzedFace face = analyzer.analyze(frame).get(0);
                alignedCrop = face.alignedCrop().cut(ImageConversions.toBufferedImage(frame));
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            analyzer.close();
        }
    }

    /** Detect, align and describe every face of the frame: the work of one live frame. */
    @Benchmark
    public List<AnalyzedFace> analyze(Frames frames) {
        return frames.analyzer.analyze(frames.frame);
    }

    /**
     * The peer of {@code analyze}: the same detections aligned and described one face at a time, each through its
     * own landmark and recognition passes, as the analyzer worked before it batched the faces.
     */
    @Benchmark
    public List<AnalyzedFace> analyzeOneFaceAtATime(Frames frames) {
        List<AnalyzedFace> faces = new ArrayList<>();
        for (Detection detection : frames.analyzer.detector().detect(frames.image)) {
            faces.addAll(frames.analyzer.analyze(frames.image, List.of(detection)));
        }
        return faces;
    }

    /**
     * A frame of the live loop as {@code cvkit face-verify live} runs it: every face is detected and followed, and
     * each is described again every {@value FaceTracker#DEFAULT_REFRESH_INTERVAL} frames, one face per frame.
     */
    @Benchmark
    public List<TrackedFace> track(Frames frames) {
        return frames.tracker.track(frames.image);
    }

    /** Find the faces only. */
    @Benchmark
    public List<Detection> detect(Frames frames) {
        return frames.analyzer.detector().detect(frames.image);
    }

    /** Describe one aligned face crop with the 128-d recognition net. */
    @Benchmark
    public Embedding describe(Crop crop) {
        return crop.analyzer.describe(crop.alignedCrop);
    }

    /** @return sample3's three women scaled to a 640x480 frame, which the caller closes */
    private static Mat frame() {
        try (Mat image = imread(AssetStore.fromEnvironment().resolve("sample3.jpg").toString(), IMREAD_COLOR);
             Mat cut = image.apply(THREE_WOMEN)) {
            Mat frame = new Mat();
            resize(cut, frame, FRAME, 0, 0, INTER_AREA);
            return frame;
        }
    }
}
