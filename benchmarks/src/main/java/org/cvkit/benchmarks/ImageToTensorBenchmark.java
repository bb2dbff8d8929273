package org.cvkit.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.core.image.ImageTensorFormat;
import org.cvkit.core.image.ImageTensors;
import org.datavec.image.loader.NativeImageLoader;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.ImagePreProcessingScaler;
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
 * An 8-bit BGR image to a BGR NCHW float tensor scaled to [0, 1]: cvkit's {@link ImageTensors} next to DataVec's
 * {@code NativeImageLoader} plus {@code ImagePreProcessingScaler}, the usual DL4J way to do the same work.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ImageToTensorBenchmark {

    @Param({"320x320", "640x480"})
    public String size;

    private Mat image;
    private NativeImageLoader dataVecLoader;
    private ImagePreProcessingScaler dataVecScaler;

    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = size.split("x");
        int width = Integer.parseInt(parts[0]);
        int height = Integer.parseInt(parts[1]);
        image = BenchmarkImages.randomBgr(width, height, 42);
        dataVecLoader = new NativeImageLoader(height, width, 3, NativeImageLoader.MultiPageMode.FIRST);
        dataVecScaler = new ImagePreProcessingScaler(0, 1);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        image.close();
    }

    /** cvkit: one bulk copy, then planar layout and scaling in one pass. */
    @Benchmark
    public INDArray cvkit() {
        return ImageTensors.toTensor(image, ImageTensorFormat.BGR_UNIT);
    }

    /** DataVec: NCHW tensor from the Mat, then scaling to [0, 1]. */
    @Benchmark
    public INDArray dataVec() throws IOException {
        INDArray tensor = dataVecLoader.asMatrix(image);
        dataVecScaler.transform(tensor);
        return tensor;
    }
}
