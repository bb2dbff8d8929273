package org.cvkit.detection.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.cvkit.augment.Augmenter;
import org.cvkit.augment.spec.AugmentationSpec;
import org.cvkit.core.data.FashionMnist;
import org.cvkit.core.data.LabeledImageSet;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.core.image.Normalization;
import org.cvkit.core.io.ModelMetadata;
import org.cvkit.core.runtime.LayerHelpers;
import org.cvkit.core.train.LearningRateSchedules;
import org.cvkit.core.train.Optimizer;
import org.cvkit.core.train.Trainer;
import org.cvkit.core.train.TrainingReport;
import org.cvkit.detection.anchors.AnchorClusters;
import org.cvkit.detection.anchors.AnchorKMeans;
import org.cvkit.detection.dataset.DetectionDataset;
import org.cvkit.detection.dataset.DetectionSample;
import org.cvkit.detection.dataset.SceneGenerator;
import org.cvkit.detection.dataset.SceneSettings;
import org.cvkit.detection.geometry.BoxShape;
import org.cvkit.detection.geometry.GroundTruth;
import org.cvkit.detection.yolo.YoloTargetEncoder;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * Trains a {@link YoloNetwork} from scratch, the course's detection pipeline end to end: generate scenes of
 * Fashion-MNIST items ({@link SceneGenerator}; training scenes from the training split, held-out scenes from the
 * test split, so no item is seen in both), choose anchors by k-means with distance {@code 1 - IoU} over the
 * training boxes, train with Adam and augmentation under the {@link YoloLoss}, and measure mAP@0.5 on the held-out
 * scenes. {@code cvkit train yolo} calls {@link #run}; {@link #train} takes any detection data set, for example one
 * read back with {@link org.cvkit.detection.dataset.DatasetFolder}.
 */
public final class YoloTraining {

    /** λcoord: box errors count as much as the objectness and class errors, as in the course's loss. */
    public static final double COORDINATE_WEIGHT = 1;
    /** λnoobj: empty slots count half, since they outnumber the objects many times. */
    public static final double NO_OBJECT_WEIGHT = 0.5;
    /** The learning rate shrinks exponentially to this share of its start over the whole run. */
    public static final double FINAL_LEARNING_RATE_SHARE = 0.1;

    private YoloTraining() {
    }

    /**
     * The knobs of a run.
     *
     * @param classes        the Fashion-MNIST classes to detect (labels 0 to 9), in the detector's class order
     * @param scenes         how scenes are composed; their size is the network input, a multiple of 16
     * @param trainingScenes scenes to train on, positive
     * @param testScenes     held-out scenes to measure mAP on, positive
     * @param anchors        anchors per grid cell, chosen by k-means, positive
     * @param filters        the filters of the network's first convolution ({@link YoloNetwork}), positive
     * @param epochs         passes over the training scenes, positive
     * @param batchSize      scenes per mini-batch, positive
     * @param learningRate   Adam's initial learning rate, decaying to {@value #FINAL_LEARNING_RATE_SHARE} of it
     * @param augmentation   an {@link AugmentationSpec} pipeline applied to every training image, or blank for none
     * @param seed           the seed of the scenes, anchors, weights, batch order and augmentation
     */
    public record Settings(List<Integer> classes, SceneSettings scenes, int trainingScenes, int testScenes,
                           int anchors, int filters, int epochs, int batchSize, double learningRate,
                           String augmentation, long seed) {

        /**
         * Validates the settings and copies the class list.
         *
         * @throws IllegalArgumentException if a class is not a Fashion-MNIST label, a count is not positive, the
         *                                  scene size is not a multiple of 16 or the augmentation does not parse
         */
        public Settings {
            classes = List.copyOf(classes);
            if (classes.isEmpty() || classes.stream().anyMatch(c -> c < 0 || c >= FashionMnist.CLASS_NAMES.size())
                    || classes.stream().distinct().count() != classes.size()) {
                throw new IllegalArgumentException("classes must be distinct Fashion-MNIST labels 0 to 9 but are "
                        + classes);
            }
            Objects.requireNonNull(scenes, "scenes");
            YoloNetwork.gridSize(scenes.imageSize());
            if (trainingScenes < 1 || testScenes < 1 || anchors < 1 || filters < 1 || epochs < 1 || batchSize < 1) {
                throw new IllegalArgumentException("scene counts, anchors, filters, epochs and batch size must be"
                        + " positive but are " + trainingScenes + ", " + testScenes + ", " + anchors + ", " + filters
                        + ", " + epochs + " and " + batchSize);
            }
            Optimizer.ADAM.updater(learningRate);
            if (!augmentation.isBlank()) {
                AugmentationSpec.parse(augmentation);
            }
        }

        /**
         * @return the default learning test's run: 3 classes (Trouser, Sneaker, Bag), 96x96 scenes, 1,600
         *     training scenes for 5 epochs, 3 anchors, 8 first filters, batches of 32, learning rate 3e-3, flips and
         *     small shifts, scalings and colour changes (measured: mAP@0.5 0.73 on 300 held-out scenes after 108 s
         *     of training on 2 cores)
         */
        public static Settings quick() {
            return new Settings(List.of(1, 7, 8), SceneSettings.of(96), 1_600, 300, 3, 8, 5, 32, 3e-3,
                    DEFAULT_AUGMENTATION, 42);
        }

        /**
         * @return the full run: 5 classes (T-shirt/top, Trouser, Sneaker, Bag, Ankle boot), 96x96 scenes, 6,000
         *     training scenes for 15 epochs, 5 anchors, 8 first filters, batches of 32, learning rate 3e-3, the same
         *     augmentation (measured: mAP@0.5 0.946 on 1,000 held-out scenes after 26 minutes of training on one
         *     core shared with other jobs)
         */
        public static Settings full() {
            return new Settings(List.of(0, 1, 7, 8, 9), SceneSettings.of(96), 6_000, 1_000, 5, 8, 15, 32, 3e-3,
                    DEFAULT_AUGMENTATION, 42);
        }

        /** @return the parsed augmentation pipeline with the run's seed, or empty when none is set */
        public Optional<Augmenter> augmenter() {
            return augmentation.isBlank() ? Optional.empty()
                    : Optional.of(new Augmenter(AugmentationSpec.parse(augmentation), seed));
        }

        /** @return the class names of the detector, in its class order */
        public List<String> classNames() {
            return classes.stream().map(FashionMnist.CLASS_NAMES::get).toList();
        }
    }

    /** The augmentation of the presets: mirror, shift and scale a little, vary brightness and contrast. */
    public static final String DEFAULT_AUGMENTATION =
            "hflip@0.5, affine scale=0.9:1.1 translate=0.08@0.5, brightness=0.1, contrast=0.2";

    /**
     * Generated scenes.
     *
     * @param training scenes of training-split items
     * @param heldOut  scenes of test-split items
     */
    public record Scenes(DetectionDataset training, DetectionDataset heldOut) {

        /** Validates that both are given. */
        public Scenes {
            Objects.requireNonNull(training, "training");
            Objects.requireNonNull(heldOut, "heldOut");
        }
    }

    /**
     * The outcome of a run.
     *
     * @param model    the trained detector, ready to {@link TrainedYolo#save save}
     * @param anchors  the anchors k-means chose (in grid cells) and how well they fit the training boxes
     * @param training per-epoch losses and the duration of training
     * @param scores   mAP@0.5 and per-class average precision on the held-out scenes
     */
    public record Result(TrainedYolo model, AnchorClusters anchors, TrainingReport training, DetectionScores scores) {
    }

    /**
     * Generates the training and held-out scenes of a run.
     *
     * @param fashionMnistDirectory the directory with the four Fashion-MNIST files
     * @param settings              the classes, scene composition, counts and seed
     * @return the scenes
     * @throws IOException if the data cannot be read
     */
    public static Scenes generate(Path fashionMnistDirectory, Settings settings) throws IOException {
        LabeledImageSet trainItems = FashionMnist.load(fashionMnistDirectory, FashionMnist.Split.TRAIN);
        LabeledImageSet testItems = FashionMnist.load(fashionMnistDirectory, FashionMnist.Split.TEST);
        DetectionDataset training = new SceneGenerator(trainItems, settings.classes(), settings.scenes(),
                settings.seed()).dataset(settings.trainingScenes(), "train-");
        DetectionDataset heldOut = new SceneGenerator(testItems, settings.classes(), settings.scenes(),
                ~settings.seed()).dataset(settings.testScenes(), "test-");
        return new Scenes(training, heldOut);
    }

    /**
     * Generates scenes, trains and evaluates.
     *
     * @param fashionMnistDirectory the directory with the four Fashion-MNIST files
     * @param settings              the knobs
     * @param showProgress          whether to draw a progress bar on standard error
     * @return the trained detector, its anchors, the training report and the held-out scores
     * @throws IOException if the data cannot be read
     */
    public static Result run(Path fashionMnistDirectory, Settings settings, boolean showProgress) throws IOException {
        Scenes scenes = generate(fashionMnistDirectory, settings);
        return train(scenes.training(), scenes.heldOut(), settings, showProgress);
    }

    /**
     * Chooses anchors, trains and evaluates on given data. The settings' scene size is the network input (images
     * of other sizes are stretched to it); their classes and scene counts are not used.
     *
     * @param training     the training images
     * @param heldOut      images to measure mAP on, with the same class names
     * @param settings     the input size, anchors, epochs, batch size, learning rate, augmentation and seed
     * @param showProgress whether to draw a progress bar on standard error
     * @return the trained detector, its anchors, the training report and the held-out scores
     * @throws IllegalArgumentException if the class names differ or the training images have fewer distinct box
     *                                  shapes than anchors
     */
    public static Result train(DetectionDataset training, DetectionDataset heldOut, Settings settings,
                               boolean showProgress) {
        if (!training.classNames().equals(heldOut.classNames())) {
            throw new IllegalArgumentException("training classes " + training.classNames()
                    + " differ from held-out classes " + heldOut.classNames());
        }
        int inputSize = settings.scenes().imageSize();
        int grid = YoloNetwork.gridSize(inputSize);
        AnchorClusters anchors = new AnchorKMeans(settings.anchors(), settings.seed(),
                AnchorKMeans.DEFAULT_MAX_ITERATIONS).fit(gridShapes(training, grid));
        int numClasses = training.classNames().size();
        YoloLoss loss = new YoloLoss(anchors.anchors(), numClasses, COORDINATE_WEIGHT, NO_OBJECT_WEIGHT);

        LayerHelpers.enable();
        double iterations = settings.epochs() * Math.ceil(training.samples().size() / (double) settings.batchSize());
        IUpdater adam = Optimizer.ADAM.updater(LearningRateSchedules.exponential(ScheduleType.ITERATION,
                settings.learningRate(), -Math.log(FINAL_LEARNING_RATE_SHARE) / iterations));
        MultiLayerNetwork network = new MultiLayerNetwork(YoloNetwork.configuration(inputSize, settings.filters(),
                loss, settings.seed(), adam));
        network.init();
        YoloBatches batches = new YoloBatches(training.samples(),
                new YoloTargetEncoder(grid, anchors.anchors(), numClasses), new ImageSize(inputSize, inputSize),
                settings.batchSize(), settings.augmenter(), settings.seed());
        Trainer.Builder trainer = Trainer.builder(network, batches, settings.epochs());
        if (!showProgress) {
            trainer.optNoProgress();
        }
        TrainingReport report = trainer.build().train();

        ModelMetadata metadata = new ModelMetadata(YoloNetwork.ARCHITECTURE,
                new ModelMetadata.InputShape(inputSize, inputSize, 3), ModelMetadata.RGB, Normalization.UNIT,
                training.classNames(), ModelMetadata.Provenance.now(settings.seed(), String.format(Locale.ROOT,
                        "%d detection images with %d objects", training.samples().size(), training.objectCount()),
                        report.epochsRun()));
        TrainedYolo model = new TrainedYolo(network, metadata);
        return new Result(model, anchors, report, YoloEvaluation.evaluate(model, heldOut));
    }

    /** @return the shapes of all training boxes, in grid cells */
    private static List<BoxShape> gridShapes(DetectionDataset training, int grid) {
        List<BoxShape> shapes = new ArrayList<>();
        for (DetectionSample sample : training.samples()) {
            for (GroundTruth object : sample.objects()) {
                shapes.add(new BoxShape(grid * object.box().width() / sample.size().width(),
                        grid * object.box().height() / sample.size().height()));
            }
        }
        return shapes;
    }
}
