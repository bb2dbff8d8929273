package org.cvkit.benchmarks;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.cvkit.core.image.ImageTensorFormat;
import org.cvkit.core.image.ImageTensors;
import org.cvkit.core.image.QualityResize;
import org.cvkit.style.StyleTransfer;
import org.cvkit.style.TransferObjective;
import org.cvkit.style.loss.LossWeights;
import org.cvkit.style.network.LossNetwork;
import org.cvkit.style.network.LossNetworkPreset;
import org.cvkit.style.optim.Evaluation;
import org.cvkit.zoo.asset.AssetStore;
import org.imgscalr.Scalr;
import org.nd4j.linalg.api.ndarray.INDArray;
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
 * Style transfer of {@code messi5.jpg} in the style of {@code starry_night.jpg} (from the zoo: set
 * {@code CVKIT_MIRROR}). {@code iteration}: one evaluation of the objective (forward and backward pass through the
 * loss network, the work of one Adam iteration and of most L-BFGS iterations) at 256 and 512 pixels, for the
 * offline default network and random VGG-16. {@code toStyleLoss}: the time an L-BFGS transfer at 256 pixels needs
 * until the style loss at the output size falls below {@value #TARGET_STYLE_LOSS}, optimizing at the output size
 * only (1 scale, up to 80 iterations) next to coarse to fine (2 scales: 40 iterations at 128 pixels, then up to
 * 40 at 256).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class StyleTransferBenchmark {

    /** The style loss (relative, see {@code StyleLoss}) both schedules must reach. */
    public static final double TARGET_STYLE_LOSS = 0.05;

    private static final int TRANSFER_SIDE = 256;
    private static final int ITERATION_BUDGET = 80;

    /** A loss network, the objective for one image size and a starting image. */
    @State(Scope.Thread)
    public static class Objective {

        @Param({"256", "512"})
        public int side;

        @Param({"yolo-fastest", "vgg16-random"})
        public String network;

        private TransferObjective objective;
        private INDArray image;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            AssetStore store = AssetStore.fromEnvironment();
            LossNetwork loss = LossNetworkPreset.parse(network).create(store, 42);
            try (INDArray content = tensor(sample(store, "messi5.jpg"), side);
                 INDArray style = tensor(sample(store, "starry_night.jpg"), side)) {
                objective = new TransferObjective(loss, content, style, LossWeights.DEFAULT);
                image = content.dup();
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            objective.close();
            image.close();
        }
    }

    /** The pictures and the offline default network for whole transfers. */
    @State(Scope.Thread)
    public static class Transfer {

        @Param({"1", "2"})
        public int scales;

        private LossNetwork network;
        private BufferedImage content;
        private BufferedImage style;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            AssetStore store = AssetStore.fromEnvironment();
            network = LossNetworkPreset.OFFLINE_DEFAULT.create(store, 42);
            content = sample(store, "messi5.jpg");
            style = sample(store, "starry_night.jpg");
        }
    }

    /** One forward and backward pass: the cost of an iteration. */
    @Benchmark
    @Warmup(iterations = 1, time = 5)
    @Measurement(iterations = 3, time = 10)
    public double iteration(Objective state) {
        try (Evaluation evaluation = state.objective.evaluate(state.image)) {
            return evaluation.value();
        }
    }

    /** A whole L-BFGS transfer, stopped when the style loss at the output size reaches the target. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 2)
    public int toStyleLoss(Transfer state) throws IOException {
        int[] iterations = {0};
        try {
            StyleTransfer.builder(state.network).optIterations(ITERATION_BUDGET).optScales(state.scales)
                    .optProgress(progress -> {
                        iterations[0] = progress.iteration();
                        if (progress.scale() == progress.scales()
                                && progress.losses().style() <= TARGET_STYLE_LOSS) {
                            throw new TargetReached();
                        }
                    })
                    .build().apply(state.content, state.style, TRANSFER_SIDE);
        } catch (TargetReached reached) {
            return iterations[0];
        }
        throw new IllegalStateException("the style loss did not reach " + TARGET_STYLE_LOSS + " in "
                + ITERATION_BUDGET + " iterations");
    }

    private static BufferedImage sample(AssetStore store, String name) throws IOException {
        return ImageIO.read(store.resolve(name).toFile());
    }

    private static INDArray tensor(BufferedImage image, int side) {
        return ImageTensors.toTensor(QualityResize.toLongestSide(image, side, Scalr.Method.QUALITY),
                ImageTensorFormat.RGB_UNIT);
    }

    /** Ends a transfer from its progress listener once the target is reached. */
    private static final class TargetReached extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TargetReached() {
            super(null, null, false, false);
        }
    }
}
