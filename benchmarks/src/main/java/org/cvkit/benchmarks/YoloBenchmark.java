package org.cvkit.benchmarks;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_dnn.NMSBoxes;
import static org.bytedeco.opencv.global.opencv_dnn.readNetFromDarknet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect2d;
import org.bytedeco.opencv.opencv_core.Rect2dVector;
import org.bytedeco.opencv.opencv_core.StringVector;
import org.bytedeco.opencv.opencv_dnn.Net;
import org.cvkit.core.geometry.Box;
import org.cvkit.detection.darknet.DarknetImporter;
import org.cvkit.detection.darknet.DarknetNetwork;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.detection.geometry.NmsConfig;
import org.cvkit.detection.geometry.NonMaxSuppression;
import org.cvkit.zoo.asset.AssetStore;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
 * Yolo-Fastest 1.1 XL: cvkit's imported DL4J graph next to OpenCV DNN's own Darknet import, both forwarding the same
 * random 320x320 input to the raw outputs of the two {@code [yolo]} layers; and greedy non-max suppression of
 * random boxes, cvkit's {@link NonMaxSuppression} next to OpenCV's {@code NMSBoxes}, which keep the same boxes
 * (checked at setup). The weights come from the zoo ({@code CVKIT_MIRROR} or the cache).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class YoloBenchmark {

    private static final String MODEL = "yolo-fastest-1.1-xl";
    private static final int SIDE = 320;
    private static final float IOU_THRESHOLD = 0.45f;

    /** Both networks and one input for them. */
    @State(Scope.Thread)
    public static class Networks {

        private DarknetNetwork cvkit;
        private Net openCv;
        private StringVector openCvOutputs;
        private INDArray input;
        private Mat blob;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            AssetStore store = AssetStore.fromEnvironment();
            Path cfg = store.resolve(MODEL + ".cfg");
            Path weights = store.resolve(MODEL + ".weights");
            cvkit = DarknetImporter.importNetwork(cfg, weights);
            openCv = readNetFromDarknet(cfg.toString(), weights.toString());
            String[] names = cvkit.outputNames().stream()
                    .map(name -> "conv_" + name.substring("layer".length(), name.indexOf('_')))
                    .toArray(String[]::new);
            openCvOutputs = new StringVector(names);
            float[] values = new float[3 * SIDE * SIDE];
            Random random = new Random(42);
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextFloat();
            }
            input = Nd4j.create(values, new long[] {1, 3, SIDE, SIDE}, 'c');
            blob = new Mat(new int[] {1, 3, SIDE, SIDE}, CV_32F);
            try (FloatPointer data = new FloatPointer(blob.data())) {
                data.put(values);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            blob.close();
            openCvOutputs.close();
            openCv.close();
            input.close();
        }
    }

    /** Random boxes in a 1000x1000 image with random scores, in both libraries' forms. */
    @State(Scope.Thread)
    public static class Boxes {

        @Param({"1000", "10000"})
        public int count;

        private List<Detection> detections;
        private Rect2dVector rects;
        private FloatPointer scores;

        @Setup(Level.Trial)
        public void setUp() {
            Random random = new Random(42);
            detections = new ArrayList<>(count);
            rects = new Rect2dVector();
            float[] scoreValues = new float[count];
            for (int i = 0; i < count; i++) {
                double x = random.nextDouble() * 950;
                double y = random.nextDouble() * 950;
                double w = 10 + random.nextDouble() * 40;
                double h = 10 + random.nextDouble() * 40;
                scoreValues[i] = random.nextFloat();
                detections.add(new Detection(Box.fromCorners(x, y, x + w, y + h), 0, "", scoreValues[i]));
                try (Rect2d rect = new Rect2d(x, y, w, h)) {
                    rects.push_back(rect);
                }
            }
            scores = new FloatPointer(scoreValues);
            int[] ours = NonMaxSuppression.keptIndices(detections, nmsConfig());
            int[] theirs = openCvKept(this);
            Arrays.sort(ours);
            Arrays.sort(theirs);
            if (!Arrays.equals(ours, theirs)) {
                throw new IllegalStateException("cvkit keeps " + ours.length + " boxes and OpenCV " + theirs.length
                        + "; the two suppressions must agree before they are compared");
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            rects.close();
            scores.close();
        }
    }

    /** One forward pass of the imported DL4J graph. */
    @Benchmark
    public INDArray[] cvkitForward(Networks networks) {
        INDArray[] outputs = networks.cvkit.graph().output(false, networks.input);
        Arrays.stream(outputs).forEach(INDArray::close);
        return outputs;
    }

    /** One forward pass of OpenCV DNN's import of the same files. */
    @Benchmark
    public long openCvForward(Networks networks) {
        try (MatVector outputs = new MatVector()) {
            networks.openCv.setInput(networks.blob);
            networks.openCv.forward(outputs, networks.openCvOutputs);
            return outputs.size();
        }
    }

    /** cvkit's greedy suppression, class-agnostic. */
    @Benchmark
    public int[] cvkitNms(Boxes boxes) {
        return NonMaxSuppression.keptIndices(boxes.detections, nmsConfig());
    }

    /** OpenCV's {@code NMSBoxes}. */
    @Benchmark
    public int[] openCvNms(Boxes boxes) {
        return openCvKept(boxes);
    }

    private static NmsConfig nmsConfig() {
        return new NmsConfig(0, IOU_THRESHOLD, true);
    }

    private static int[] openCvKept(Boxes boxes) {
        try (IntPointer indices = new IntPointer()) {
            NMSBoxes(boxes.rects, boxes.scores, 0f, IOU_THRESHOLD, indices);
            int[] kept = new int[(int) indices.limit()];
            indices.get(kept);
            return kept;
        }
    }
}
