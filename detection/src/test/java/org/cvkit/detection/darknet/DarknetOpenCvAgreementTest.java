package org.cvkit.detection.darknet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_dnn.NMSBoxes;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImage;
import static org.bytedeco.opencv.global.opencv_dnn.readNetFromDarknet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect2d;
import org.bytedeco.opencv.opencv_core.Rect2dVector;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.StringVector;
import org.bytedeco.opencv.opencv_dnn.Net;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.detection.geometry.NmsConfig;
import org.cvkit.zoo.SharedAssets;
import org.cvkit.zoo.format.darknet.CfgSection;
import org.cvkit.zoo.format.darknet.DarknetCfg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the importer against OpenCV DNN's own Darknet import of the same files: the raw convolutions feeding
 * each {@code [yolo]} layer on the same input blob, and the final detections on frames 0, 100 and 300 of
 * {@code vtest.avi} after per-class suppression with the same thresholds on both sides.
 */
class DarknetOpenCvAgreementTest {

    private static final Logger LOG = LoggerFactory.getLogger(DarknetOpenCvAgreementTest.class);
    private static final int[] FRAMES = {0, 100, 300};
    private static final float SCORE_THRESHOLD = 0.25f;
    private static final float IOU_THRESHOLD = 0.45f;
    /**
     * Raw outputs may differ by this fraction of their largest magnitude (at least 1): both sides compute in float,
     * and over a hundred layers with folded batch normalization the rounding reaches about 1e-4 of the values.
     */
    private static final double RAW_TOLERANCE = 1e-3;
    private static final double PIXEL_TOLERANCE = 1;

    private static final List<Mat> frames = new ArrayList<>();

    @BeforeAll
    static void readFrames() throws IOException {
        Path video = SharedAssets.resolve("vtest.avi");
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            for (int index = 0; index <= FRAMES[FRAMES.length - 1]; index++) {
                Frame frame = grabber.grabImage();
                int number = index;
                if (IntStream.of(FRAMES).anyMatch(wanted -> wanted == number)) {
                    frames.add(converter.convert(frame).clone());
                }
            }
            grabber.stop();
        }
        assertThat(frames).hasSize(FRAMES.length);
    }

    @AfterAll
    static void releaseFrames() {
        frames.forEach(Mat::close);
        frames.clear();
    }

    @ParameterizedTest
    @CsvSource({"yolo-fastest-1.1-xl, coco.names", "yolo-fastest-1.1, coco.names", "yolo-fastest-1.1_body, body.names"})
    void matchesOpenCvOnRawOutputsAndDetections(String model, String names) throws IOException {
        Path cfg = SharedAssets.resolve(model + ".cfg");
        Path weights = SharedAssets.resolve(model + ".weights");
        YoloDetector detector = YoloDetector.load(cfg, weights, SharedAssets.resolve(names));
        try (Net net = readNetFromDarknet(cfg.toString(), weights.toString())) {
            assertRawOutputsMatch(model, detector, net, DarknetCfg.read(cfg));
            NmsConfig nms = new NmsConfig(SCORE_THRESHOLD, IOU_THRESHOLD, false);
            for (int i = 0; i < frames.size(); i++) {
                Mat frame = frames.get(i);
                long start = System.nanoTime();
                List<Detection> ours = detector.detect(frame, nms);
                long cvkitMillis = (System.nanoTime() - start) / 1_000_000;
                start = System.nanoTime();
                List<Detection> theirs = openCvDetections(net, frame, detector.network().inputSize(),
                        detector.network().heads().get(0).numClasses());
                long openCvMillis = (System.nanoTime() - start) / 1_000_000;
                LOG.info("{} frame {}: {} detections, cvkit {} ms, OpenCV {} ms", model, FRAMES[i], ours.size(),
                        cvkitMillis, openCvMillis);
                assertSameDetections(ours, theirs, model + " frame " + FRAMES[i]);
            }
        }
    }

    @Test
    void matchesOpenCvOnYolov3TinyWithRandomWeights(@TempDir Path directory) throws IOException {
        Path cfg = SharedAssets.resolve("yolov3-tiny.cfg");
        DarknetCfg parsed = DarknetCfg.read(cfg);
        Path weights = RandomDarknetWeights.write(parsed, directory.resolve("yolov3-tiny-random.weights"), 42);
        YoloDetector detector = new YoloDetector(DarknetImporter.importNetwork(cfg, weights),
                YoloDetector.readNames(SharedAssets.resolve("coco.names")));
        try (Net net = readNetFromDarknet(cfg.toString(), weights.toString())) {
            assertRawOutputsMatch("yolov3-tiny (random weights)", detector, net, parsed);
        }
    }

    /** Feeds frame 0 to both networks and compares the convolutions before each [yolo] layer. */
    private static void assertRawOutputsMatch(String model, YoloDetector detector, Net net, DarknetCfg cfg) {
        ImageSize input = detector.network().inputSize();
        List<String> layerNames = new ArrayList<>();
        for (int index = 0; index < cfg.layers().size(); index++) {
            if (cfg.layers().get(index).type().equals("yolo")) {
                CfgSection before = cfg.layers().get(index - 1);
                assertThat(before.type()).isEqualTo("convolutional");
                layerNames.add("conv_" + (index - 1));
            }
        }
        try (Size size = new Size(input.width(), input.height()); Scalar zero = new Scalar(0.0);
             Mat blob = blobFromImage(frames.get(0), 1 / 255.0, size, zero, true, false, CV_32F);
             MatVector outputs = new MatVector(); StringVector names = new StringVector(
                     layerNames.toArray(String[]::new));
             INDArray ourInput = detector.preprocess(frames.get(0)); INDArray blobArray = toArray(blob)) {
            assertThat(maxAbsDifference(ourInput, blobArray)).as("preprocessing").isLessThan(1e-6);
            net.setInput(blob);
            net.forward(outputs, names);
            List<INDArray> ours = detector.rawOutputs(blobArray);
            for (int i = 0; i < ours.size(); i++) {
                try (INDArray theirs = toArray(outputs.get(i)); INDArray mine = ours.get(i)) {
                    assertThat(mine.shape()).containsExactly(theirs.shape());
                    double difference = maxAbsDifference(mine, theirs);
                    double magnitude = theirs.amaxNumber().doubleValue();
                    LOG.info("{} {}: max |cvkit - OpenCV| = {} (max |OpenCV| = {})", model, layerNames.get(i),
                            difference, magnitude);
                    assertThat(difference).as(model + " " + layerNames.get(i))
                            .isLessThan(RAW_TOLERANCE * Math.max(1, magnitude));
                }
            }
        }
    }

    /**
     * OpenCV's detections: its [yolo] rows are decoded {@code [cx, cy, w, h, objectness, scores...]}, normalized
     * to the input; every class scoring at least the threshold is a candidate, suppressed per class by
     * {@code NMSBoxes} and clipped to the frame.
     */
    private static List<Detection> openCvDetections(Net net, Mat frame, ImageSize input, int classes) {
        List<Detection> detections = new ArrayList<>();
        ImageSize source = new ImageSize(frame.cols(), frame.rows());
        try (Size size = new Size(input.width(), input.height()); Scalar zero = new Scalar(0.0);
             Mat blob = blobFromImage(frame, 1 / 255.0, size, zero, true, false, CV_32F);
             MatVector outputs = new MatVector(); StringVector names = net.getUnconnectedOutLayersNames()) {
            net.setInput(blob);
            net.forward(outputs, names);
            List<float[]> rowsPerOutput = new ArrayList<>();
            for (long o = 0; o < outputs.size(); o++) {
                rowsPerOutput.add(toArray(outputs.get(o)).data().asFloat());
            }
            int fields = 5 + classes;
            for (int c = 0; c < classes; c++) {
                List<Box> boxes = new ArrayList<>();
                List<Float> scores = new ArrayList<>();
                for (float[] rows : rowsPerOutput) {
                    for (int row = 0; row < rows.length / fields; row++) {
                        float score = rows[row * fields + 5 + c];
                        if (score >= SCORE_THRESHOLD) {
                            int at = row * fields;
                            boxes.add(Box.fromCentre(rows[at], rows[at + 1], rows[at + 2], rows[at + 3])
                                    .toPixels(source));
                            scores.add(score);
                        }
                    }
                }
                for (int kept : suppress(boxes, scores)) {
                    detections.add(new Detection(boxes.get(kept).clip(source), c, "", scores.get(kept)));
                }
            }
        }
        return detections;
    }

    private static int[] suppress(List<Box> boxes, List<Float> scores) {
        if (boxes.isEmpty()) {
            return new int[0];
        }
        float[] scoreArray = new float[scores.size()];
        for (int i = 0; i < scoreArray.length; i++) {
            scoreArray[i] = scores.get(i);
        }
        try (Rect2dVector rects = new Rect2dVector(); FloatPointer scorePointer = new FloatPointer(scoreArray);
             IntPointer indices = new IntPointer()) {
            for (Box box : boxes) {
                try (Rect2d rect = new Rect2d(box.x1(), box.y1(), box.width(), box.height())) {
                    rects.push_back(rect);
                }
            }
            NMSBoxes(rects, scorePointer, SCORE_THRESHOLD, IOU_THRESHOLD, indices);
            int[] kept = new int[(int) indices.limit()];
            indices.get(kept);
            return kept;
        }
    }

    private static void assertSameDetections(List<Detection> ours, List<Detection> theirs, String what) {
        assertThat(ours).as(what + ": detection count").hasSize(theirs.size());
        double worstCorner = 0;
        double worstScore = 0;
        for (Detection detection : ours) {
            Detection match = theirs.stream().filter(other -> other.classIndex() == detection.classIndex())
                    .min(Comparator.comparingDouble(other -> cornerDistance(detection.box(), other.box())))
                    .orElseThrow(() -> new AssertionError(what + ": OpenCV has no detection of class "
                            + detection.classIndex()));
            assertThat(cornerDistance(detection.box(), match.box())).as(what + ": " + detection + " vs " + match)
                    .isLessThanOrEqualTo(PIXEL_TOLERANCE);
            assertThat(detection.score()).as(what + ": score").isCloseTo(match.score(), within(2e-3));
            worstCorner = Math.max(worstCorner, cornerDistance(detection.box(), match.box()));
            worstScore = Math.max(worstScore, Math.abs(detection.score() - match.score()));
        }
        LOG.info("{}: largest corner difference {} px, largest score difference {}", what, worstCorner, worstScore);
    }

    private static double cornerDistance(Box a, Box b) {
        return Math.max(Math.max(Math.abs(a.x1() - b.x1()), Math.abs(a.y1() - b.y1())),
                Math.max(Math.abs(a.x2() - b.x2()), Math.abs(a.y2() - b.y2())));
    }

    private static double maxAbsDifference(INDArray a, INDArray b) {
        return a.sub(b).amaxNumber().doubleValue();
    }

    private static INDArray toArray(Mat mat) {
        long[] shape = IntStream.range(0, mat.dims()).mapToLong(mat::size).toArray();
        float[] values = new float[(int) mat.total()];
        new FloatPointer(mat.data()).get(values);
        return Nd4j.create(values, shape, 'c');
    }
}
