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
import org.cvkit.apps.ImageFiles;
import org.cvkit.apps.StoreOptions;
import org.cvkit.detection.train.YoloTraining;
import org.cvkit.detection.train.YoloTraining.Result;
import org.cvkit.detection.train.YoloTraining.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cvkit train yolo}: a small YOLO trained from scratch on generated Fashion-MNIST scenes. */
@Command(name = "yolo",
        mixinStandardHelpOptions = true,
        description = {"Train a small YOLO from scratch on generated scenes of Fashion-MNIST items pasted on textured "
                + "backgrounds, with anchors from k-means, and report mAP@0.5 on held-out scenes.",
            "The saved model runs with 'cvkit detect --model FILE.zip'."})
final class TrainYoloCommand implements Callable<Integer> {

    /** The preset runs. */
    enum Preset {
        /** 3 classes, 1,600 scenes, 5 epochs: about two minutes. */
        QUICK,
        /** 5 classes, 6,000 scenes, 15 epochs: about 25 minutes. */
        FULL;

        Settings settings() {
            return this == QUICK ? Settings.quick() : Settings.full();
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--preset", defaultValue = "quick", description = "${COMPLETION-CANDIDATES} (default: quick).")
    Preset preset;

    @Option(names = "--epochs", description = "Override the preset's number of epochs.")
    Integer epochs;

    @Option(names = "--seed", description = "Override the seed of scenes, anchors, weights and batches (default 42).")
    Long seed;

    @Option(names = "--out", defaultValue = "yolo-fashion-scenes.zip",
            description = "Where to save the trained model (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--preview", paramLabel = "IMAGE",
            description = "Also draw the first " + DetectionPreview.IMAGES + " held-out scenes with the trained "
                    + "model's detections (and the true boxes in white) into one picture (.png or .jpg).")
    Path preview;

    @Option(names = "--json", description = "Print the results as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        Settings settings = settings();
        ImageFiles.requireWritableImage("--preview", preview);
        Path data = storeOptions.store().resolveAll("fashion-mnist").values().iterator().next().getParent();
        YoloTraining.Scenes scenes = YoloTraining.generate(data, settings);
        Result result = YoloTraining.train(scenes.training(), scenes.heldOut(), settings, !json);
        result.model().save(out);
        if (preview != null) {
            DetectionPreview.write(result.model(), scenes.heldOut(), preview);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("mAP50", result.scores().meanAveragePrecision());
            report.put("averagePrecisions", result.scores().averagePrecisions());
            report.put("anchorMeanIou", result.anchors().meanBestIou());
            report.put("seconds", result.training().duration().toMillis() / 1000.0);
            report.put("model", out.toString());
            if (preview != null) {
                report.put("preview", preview.toString());
            }
            stdout.println(new ObjectMapper().writeValueAsString(report));
        } else {
            stdout.printf(Locale.ROOT, "mAP@0.5 %.3f on %d held-out scenes (%s)%n",
                    result.scores().meanAveragePrecision(), settings.testScenes(), perClass(result));
            stdout.printf(Locale.ROOT, "anchors: mean best IoU %.3f; trained %d epochs in %.1f s; saved %s%n",
                    result.anchors().meanBestIou(), settings.epochs(),
                    result.training().duration().toMillis() / 1000.0, out);
            if (preview != null) {
                stdout.println("held-out scenes with their detections drawn to " + preview);
            }
        }
        stdout.flush();
        return ExitCode.OK;
    }

    private static String perClass(Result result) {
        StringBuilder text = new StringBuilder();
        result.scores().averagePrecisions().forEach((name, ap) -> text.append(text.isEmpty() ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %.3f", name, ap)));
        return text.toString();
    }

    private Settings settings() {
        Settings base = preset.settings();
        if (epochs != null && epochs < 1) {
            throw new IllegalArgumentException("--epochs must be positive but is " + epochs);
        }
        return new Settings(base.classes(), base.scenes(), base.trainingScenes(), base.testScenes(), base.anchors(),
                base.filters(), epochs != null ? epochs : base.epochs(), base.batchSize(), base.learningRate(),
                base.augmentation(), seed != null ? seed : base.seed());
    }
}
