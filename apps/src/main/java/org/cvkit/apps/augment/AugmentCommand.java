package org.cvkit.apps.augment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.apps.ExitCode;
import org.cvkit.apps.ImageFiles;
import org.cvkit.apps.StagedFolder;
import org.cvkit.augment.Augmenter;
import org.cvkit.augment.Sample;
import org.cvkit.augment.Transform;
import org.cvkit.augment.geometry.Homography;
import org.cvkit.augment.spec.AugmentationSpec;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.core.progress.ProgressLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cvkit augment IN_DIR OUT_DIR}: writes augmented copies of a folder of images, with their VOC or YOLO labels
 * moved to match.
 */
@Command(name = "augment", mixinStandardHelpOptions = true,
        description = {"Write augmented copies of the images in IN_DIR, with their labels, to OUT_DIR.",
            "Copy k of IMAGE.jpg is written as IMAGE-k.jpg (k from 1), its labels as IMAGE-k.xml or IMAGE-k.txt in "
                    + "the input's format. A YOLO classes.txt is copied along. Nothing is written unless every "
                    + "image succeeds.",
            "",
            "Pipeline syntax: steps separated by commas (or lines, in a --pipeline file, where # starts a comment);"
                    + " 'a|b' applies one of a or b, '@P' applies a step with probability P; options follow an op "
                    + "after spaces. A single value X means -X:X for shifts, 1-X:1+X for factors and exactly X for "
                    + "amounts; LO:HI gives a range. Example: 'hflip@0.5, rotate=15 border=reflect, "
                    + "brightness=0.2|contrast=0.3@0.8, gauss-noise=2:8'.",
            "",
            "Ops:"},
        footer = {"Boxes are clipped to the image and dropped when less than --min-box-visibility of them remains."})
public final class AugmentCommand implements Callable<Integer> {

    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN_DIR", description = "Folder of images (and label files).")
    Path inputFolder;

    @Parameters(index = "1", paramLabel = "OUT_DIR", description = "Folder for the results; created if missing.")
    Path outputFolder;

    @ArgGroup(exclusive = true, multiplicity = "1")
    PipelineSource pipeline;

    @Option(names = "--labels", defaultValue = "none", converter = LabelFormat.Converter.class,
            description = "Label format next to each image: voc (IMAGE.xml), yolo (IMAGE.txt) or none "
                    + "(default: ${DEFAULT-VALUE}).")
    LabelFormat labels;

    @Option(names = "--copies", defaultValue = "1", description = "Augmented copies per image (default: ${DEFAULT-VALUE}).")
    int copies;

    @Option(names = "--seed", defaultValue = "0",
            description = "Seed of the random draws; the same seed gives the same output (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--preview", paramLabel = "IMAGE",
            description = "Also draw the first " + AugmentationPreview.ROWS + " images, each followed by its copies "
                    + "with their boxes, into one picture (.png or .jpg).")
    Path preview;

    @Option(names = "--min-box-visibility", defaultValue = "0.25",
            description = "Share of a box that must stay in view for it to be kept (default: ${DEFAULT-VALUE}).")
    double minBoxVisibility;

    /** Where the pipeline comes from: exactly one of {@code --ops} and {@code --pipeline}. */
    static final class PipelineSource {
        @Option(names = "--ops", paramLabel = "OPS", description = "The pipeline, e.g. 'hflip@0.5,rotate=15'.")
        String ops;

        @Option(names = "--pipeline", paramLabel = "FILE", description = "A text file holding the pipeline.")
        Path file;

        Transform read() throws IOException {
            return ops != null ? AugmentationSpec.parse(ops) : AugmentationSpec.read(file);
        }
    }

    /**
     * Receives the command's model from picocli and appends one help line per op to the description.
     *
     * @param spec the command's model
     */
    @Spec
    void setSpec(CommandSpec spec) {
        this.spec = spec;
        List<String> description = new ArrayList<>(List.of(spec.usageMessage().description()));
        description.addAll(AugmentationSpec.opHelp());
        spec.usageMessage().description(description.toArray(String[]::new));
    }

    @Override
    public Integer call() throws IOException {
        validate();
        Augmenter augmenter = new Augmenter(pipeline.read(), seed);
        List<Path> images = ImageFiles.list(inputFolder);
        Tally tally = new Tally();
        try (StagedFolder staged = StagedFolder.beside(outputFolder);
             AugmentationPreview sheet = new AugmentationPreview()) {
            try (ProgressLine line = new ProgressLine(spec.commandLine().getErr());
                 ProgressBar progress = new ProgressBarBuilder().setTaskName("augment")
                         .setInitialMax((long) images.size() * copies).setUnit(" img", 1).setConsumer(line).build()) {
                for (int i = 0; i < images.size(); i++) {
                    augmentImage(images.get(i), (long) i * copies, augmenter, staged.path(), tally, progress,
                            preview != null && sheet.wantsMore() ? sheet : null);
                }
            }
            copyClassNames(staged.path());
            staged.commit();
            if (preview != null) {
                sheet.write(preview);
            }
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d images to %s; %d boxes kept, %d dropped%s%n",
                tally.images, outputFolder, tally.keptBoxes, tally.droppedBoxes,
                preview == null ? "" : "; preview: " + preview);
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    private void validate() throws IOException {
        if (!Files.isDirectory(inputFolder)) {
            throw new IllegalArgumentException("the input folder " + inputFolder + " does not exist or is not a folder");
        }
        if (copies < 1) {
            throw new IllegalArgumentException("--copies must be at least 1 but is " + copies);
        }
        if (!(minBoxVisibility >= 0 && minBoxVisibility <= 1)) {
            throw new IllegalArgumentException("--min-box-visibility must lie within 0:1 but is " + minBoxVisibility);
        }
        ImageFiles.requireWritableImage("--preview", preview);
        if (Files.exists(outputFolder) && Files.isSameFile(inputFolder, outputFolder)) {
            throw new IllegalArgumentException("OUT_DIR must differ from IN_DIR, or the copies would mix with the "
                    + "originals");
        }
    }

    private void augmentImage(Path imageFile, long firstIndex, Augmenter augmenter, Path outputDir, Tally tally,
                              ProgressBar progress, AugmentationPreview sheet) throws IOException {
        String stem = ImageFiles.stem(imageFile);
        try (Mat image = ImageFiles.read(imageFile)) {
            ImageLabels imageLabels = labels.read(inputFolder, stem, new ImageSize(image.cols(), image.rows()));
            // A view of the image, which the try block closes.
            Sample input = new Sample(image, imageLabels.boxes(), List.of(), Homography.IDENTITY, minBoxVisibility);
            if (sheet != null) {
                sheet.addOriginal(image, imageLabels.named(imageLabels.boxes()));
            }
            for (int copy = 1; copy <= copies; copy++) {
                String name = stem + "-" + copy;
                try (Sample output = augmenter.apply(input, firstIndex + copy - 1)) {
                    Path written = outputDir.resolve(name + "." + ImageFiles.extension(imageFile));
                    ImageFiles.write(written, output.image());
                    if (labels.hasFiles()) {
                        imageLabels.write(labels.labelFile(outputDir, name), written.getFileName().toString(),
                                output.size(), output.channels(), output.boxes());
                    }
                    tally.add(input.boxes().size(), output.boxes().size());
                    if (sheet != null) {
                        sheet.addCopy(output.image(), imageLabels.named(output.boxes()));
                    }
                }
                progress.step();
            }
        }
    }

    private void copyClassNames(Path outputDir) throws IOException {
        Path classes = inputFolder.resolve("classes.txt");
        if (labels == LabelFormat.YOLO && Files.isRegularFile(classes)) {
            Files.copy(classes, outputDir.resolve("classes.txt"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Counts of what a run wrote. */
    private static final class Tally {
        private long images;
        private long keptBoxes;
        private long droppedBoxes;

        void add(int boxesBefore, int boxesAfter) {
            images++;
            keptBoxes += boxesAfter;
            droppedBoxes += boxesBefore - boxesAfter;
        }
    }
}
