package org.cvkit.apps.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cvkit.apps.ExitCode;
import org.cvkit.core.io.ModelIO;
import org.cvkit.core.train.FashionMnistTraining;
import org.cvkit.core.train.FashionMnistTraining.Result;
import org.cvkit.core.train.FashionMnistTraining.Settings;
import org.cvkit.core.viz.FilterGrid;
import org.cvkit.zoo.asset.AssetStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cvkit train lenet}: LeNet-5 on Fashion-MNIST, saved as a model zip with its metadata. */
@Command(name = "lenet",
        mixinStandardHelpOptions = true,
        description = {"Train LeNet-5 on Fashion-MNIST and report its accuracy on the 10,000 test images.",
                "The data comes from the zoo (cache, mirror, or download) unless --data is given."})
final class TrainLeNetCommand implements Callable<Integer> {

    private static final String DATASET = "fashion-mnist";
    private static final int FILTER_SCALE = 12;

    /** The preset runs. */
    enum Preset {
        /** One epoch over 24,000 images. */
        QUICK,
        /**
         * LeNet-5 with batch normalization, up to 20 epochs over 55,000 images mirrored at random, early stopping on
         * 5,000 held-out images.
         */
        FULL;

        Settings settings() {
            return this == QUICK ? Settings.quick() : Settings.full();
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", defaultValue = "quick",
            description = "${COMPLETION-CANDIDATES} (default: quick).")
    Preset preset;

    @Option(names = "--epochs", description = "Override the preset's epoch budget.")
    Integer epochs;

    @Option(names = "--train-images", description = "Override how many training images are used.")
    Integer trainImages;

    @Option(names = "--seed", description = "Override the seed (default 42).")
    Long seed;

    @Option(names = "--data", description = "Folder with the four Fashion-MNIST IDX files.")
    Path data;

    @Option(names = "--out", defaultValue = "lenet5-fashion-mnist.zip",
            description = "Where to save the trained model (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--filters", description = "Also write the first layer's filters as a PNG grid.")
    Path filters;

    @Option(names = "--json", description = "Print the results as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        Settings settings = settings();
        Path dataDirectory = data != null ? data
                : AssetStore.fromEnvironment().resolveAll(DATASET).values().iterator().next().getParent();
        Result result = FashionMnistTraining.run(dataDirectory, settings, !json);
        ModelIO.save(result.network(), result.metadata(), out, false);
        if (filters != null) {
            FilterGrid.write(FilterGrid.firstConvolutionWeights(result.network()), FILTER_SCALE, filters);
        }
        report(result);
        return ExitCode.OK;
    }

    private Settings settings() {
        Settings base = preset.settings();
        return new Settings(trainImages != null ? trainImages : base.trainingImages(), base.heldOutImages(),
                epochs != null ? epochs : base.epochs(), base.batchSize(), base.learningRate(),
                base.decayPerEpoch(), base.patience(), base.network(), base.mirror(), seed != null ? seed : base.seed());
    }

    private void report(Result result) throws IOException {
        PrintWriter printer = spec.commandLine().getOut();
        double seconds = result.report().duration().toMillis() / 1000.0;
        if (json) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("model", out.toString());
            summary.put("testAccuracy", result.testAccuracy());
            summary.put("epochs", result.report().epochsRun());
            summary.put("bestEpoch", result.report().bestEpoch());
            summary.put("seconds", seconds);
            printer.println(new ObjectMapper().writeValueAsString(summary));
        } else {
            printer.printf(Locale.ROOT, "test accuracy %.2f%% after %d epoch(s) (best %d) in %.1f s%n",
                    100 * result.testAccuracy(), result.report().epochsRun(), result.report().bestEpoch(), seconds);
            printer.println("model saved to " + out);
            if (filters != null) {
                printer.println("first-layer filters drawn to " + filters);
            }
        }
        printer.flush();
    }
}
