package org.cvkit.apps.style;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.apps.ExitCode;
import org.cvkit.apps.ImageFiles;
import org.cvkit.apps.StoreOptions;
import org.cvkit.core.image.ImageConversions;
import org.cvkit.core.io.AtomicFiles;
import org.cvkit.core.progress.ProgressLine;
import org.cvkit.style.Initialization;
import org.cvkit.style.Progress;
import org.cvkit.style.ProgressListener;
import org.cvkit.style.StyleTransfer;
import org.cvkit.style.TransferResult;
import org.cvkit.style.loss.LossValues;
import org.cvkit.style.loss.LossWeights;
import org.cvkit.style.network.LossNetworkPreset;
import org.cvkit.style.optim.OptimizerKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cvkit style}: paints the content image in the style of the style image (Gatys et al.). */
@Command(name = "style", mixinStandardHelpOptions = true,
        description = {"Paint the content image in the style of the style image (neural style transfer).",
            "The loss network is VGG-16 with ImageNet weights when they have been fetched ('cvkit zoo fetch "
                    + "keras-vgg16-notop'), else the COCO-pretrained Yolo-Fastest backbone. Progress goes to "
                    + "standard error; the output is written only when the transfer succeeds."})
public final class StyleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--content", required = true, paramLabel = "IMAGE", description = "The content image.")
    Path content;

    @Option(names = "--style", required = true, paramLabel = "IMAGE", description = "The style image.")
    Path style;

    @Option(names = "--out", required = true, paramLabel = "IMAGE",
            description = "Where to write the result; the extension (.jpg, .png, ...) chooses the format.")
    Path out;

    @Option(names = "--size", defaultValue = "384",
            description = "Longest side of the result in pixels (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--iterations", defaultValue = "" + StyleTransfer.DEFAULT_ITERATIONS,
            description = "Iterations over all scales (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--optimizer", defaultValue = "lbfgs",
            description = "adam or lbfgs (default: ${DEFAULT-VALUE}).")
    OptimizerKind optimizer;

    @Option(names = "--network", defaultValue = "auto", converter = NetworkConverter.class,
            description = "auto, vgg16-imagenet, vgg16-random, vgg19-random or yolo-fastest (default: "
                    + "${DEFAULT-VALUE}).")
    LossNetworkPreset network;

    @Option(names = "--seed", defaultValue = "42",
            description = "Seed of random weights and starting noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--snapshot-every", paramLabel = "N",
            description = "Also write the picture every N iterations, as STEM.NNNN.EXT beside --out STEM.EXT.")
    Integer snapshotEvery;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Write iterations, seconds and the initial and final losses as JSON.")
    Path json;

    @Option(names = "--content-weight", defaultValue = "1",
            description = "Weight of the content loss, alpha (default: ${DEFAULT-VALUE}).")
    double contentWeight;

    @Option(names = "--style-weight", defaultValue = "10",
            description = "Weight of the style loss, beta (default: ${DEFAULT-VALUE}).")
    double styleWeight;

    @Option(names = "--tv-weight", defaultValue = "1",
            description = "Weight of the total-variation loss (default: ${DEFAULT-VALUE}).")
    double tvWeight;

    @Option(names = "--init", defaultValue = "content",
            description = "Starting image: content, noise or mix (default: ${DEFAULT-VALUE}).")
    Initialization initialization;

    @Option(names = "--scales", defaultValue = "1",
            description = "Coarse-to-fine scales, each half the size of the next (default: ${DEFAULT-VALUE}).")
    int scales;

    @Option(names = "--preserve-colour", description = "Transfer luminance only and keep the content's colours.")
    boolean preserveColour;

    @Override
    public Integer call() throws IOException {
        if (!ImageFiles.isImage(out)) {
            throw new IllegalArgumentException("--out must end in one of "
                    + String.join(", ", ImageFiles.EXTENSIONS.stream().sorted().toList()) + ", not " + out);
        }
        if (size < 1) {
            throw new IllegalArgumentException("--size must be positive but is " + size);
        }
        LossWeights weights = new LossWeights(contentWeight, styleWeight, tvWeight);
        BufferedImage contentImage = readImage(content);
        BufferedImage styleImage = readImage(style);
        StyleTransfer.Builder builder = StyleTransfer.builder(network.create(storeOptions.store(), seed))
                .optWeights(weights).optIterations(iterations).optScales(scales)
                .optOptimizer(optimizer::create).optInitialization(initialization)
                .optPreserveColour(preserveColour).optSeed(seed);
        if (snapshotEvery != null) {
            builder.optSnapshots(snapshotEvery, (iteration, image) -> writeImage(snapshotPath(iteration), image));
        }
        TransferResult result;
        try (ProgressDisplay display = new ProgressDisplay(spec.commandLine().getErr())) {
            result = builder.optProgress(display).build().apply(contentImage, styleImage, size);
        }
        writeImage(out, result.image());
        if (json != null) {
            AtomicFiles.write(json, file -> new ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValue(file.toFile(), summary(result)));
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (%dx%d) after %d iterations in %.1f s; style loss "
                        + "%.4g -> %.4g, content loss %.4g -> %.4g%n", out, result.image().getWidth(),
                result.image().getHeight(), result.iterations(), result.duration().toMillis() / 1000.0,
                result.initial().style(), result.last().style(), result.initial().content(),
                result.last().content());
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    private static BufferedImage readImage(Path file) throws NoSuchFileException {
        try (Mat image = ImageFiles.read(file)) {
            return ImageConversions.toBufferedImage(image);
        }
    }

    private static void writeImage(Path file, BufferedImage image) throws IOException {
        try (Mat pixels = ImageConversions.toMat(image)) {
            ImageFiles.write(file, pixels);
        }
    }

    private Path snapshotPath(int iteration) {
        return out.resolveSibling(String.format(Locale.ROOT, "%s.%04d.%s", ImageFiles.stem(out), iteration,
                ImageFiles.extension(out)));
    }

    private static Map<String, Object> summary(TransferResult result) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("iterations", result.iterations());
        summary.put("seconds", result.duration().toMillis() / 1000.0);
        summary.put("initial", losses(result.initial()));
        summary.put("final", losses(result.last()));
        return summary;
    }

    private static Map<String, Double> losses(LossValues values) {
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put("content", values.content());
        losses.put("style", values.style());
        return losses;
    }

    /**
     * A progress bar of the iterations with the current scale and losses, drawn on standard error from the first
     * iteration on (so that a transfer rejected before it starts prints only its error).
     */
    private static final class ProgressDisplay implements ProgressListener, AutoCloseable {

        private final ProgressLine line;
        private ProgressBar bar;

        ProgressDisplay(PrintWriter err) {
            this.line = new ProgressLine(err);
        }

        @Override
        public void onIteration(Progress progress) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName("style").setInitialMax(progress.iterations())
                        .setUnit(" it", 1).setUpdateIntervalMillis(250).setConsumer(line).build();
            }
            bar.stepTo(progress.iteration());
            bar.setExtraMessage(String.format(Locale.ROOT, "scale %d/%d %s, content %.4f, style %.5f, tv %.5f",
                    progress.scale(), progress.scales(), progress.size(), progress.losses().content(),
                    progress.losses().style(), progress.losses().totalVariation()));
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
            line.close();
        }
    }

    /** Reads {@code --network} names such as {@code vgg16-random}. */
    static final class NetworkConverter implements ITypeConverter<LossNetworkPreset> {
        @Override
        public LossNetworkPreset convert(String value) {
            return LossNetworkPreset.parse(value);
        }
    }
}
