package org.cvkit.benchmarks;


import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.core.image.ImageTensorFormat;
import org.cvkit.core.runtime.LayerHelpers;
import org.cvkit.detection.sliding.CourseExampleClassifier;
import org.cvkit.detection.sliding.CropSlidingWindow;
import org.cvkit.detection.sliding.FullyConvolutionalConverter;
import org.cvkit.detection.sliding.FullyConvolutionalNetwork;
import org.cvkit.detection.sliding.ScoredWindow;
import org.cvkit.detection.sliding.Window;
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
 * The course's sliding-window classifier (14x14x3, CONV 16 5x5, POOL 2, FC 400, FC 400, FC 4) scoring every
 * 14x14 window at stride 2 of a square image: once as one fully convolutional pass, once crop by crop (crops
 * classified in batches). Both give the same windows and scores.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SlidingWindowBenchmark {

    private static final Window COURSE_WINDOW = Window.square(14, 2);

    @Param({"64", "128"})
    public int side;

    private Mat image;
    private FullyConvolutionalNetwork convolutional;
    private CropSlidingWindow cropByCrop;

    @Setup(Level.Trial)
    public void setUp() {
        LayerHelpers.enable();
        image = BenchmarkImages.randomBgr(side, side, 42);
        var classifier = CourseExampleClassifier.build(42);
        convolutional = FullyConvolutionalConverter.convert(classifier, CourseExampleClassifier.INPUT,
                CourseExampleClassifier.CHANNELS);
        cropByCrop = new CropSlidingWindow(classifier, CourseExampleClassifier.INPUT, ImageTensorFormat.BGR_UNIT);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        image.close();
    }

    /** One pass of the fully convolutional network over the whole image. */
    @Benchmark
    public List<ScoredWindow> convolutional() {
        return convolutional.score(image, ImageTensorFormat.BGR_UNIT);
    }

    /** Every window cropped, converted and classified on its own. */
    @Benchmark
    public List<ScoredWindow> cropByCrop() {
        return cropByCrop.score(image, List.of(COURSE_WINDOW));
    }
}
