package org.cvkit.apps.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cvkit.apps.ExitCode;
import org.cvkit.apps.StoreOptions;
import org.cvkit.augment.spec.AugmentationSpec;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.core.io.ModelMetadata;
import org.cvkit.core.train.Optimizer;
import org.cvkit.face.calibration.EqualErrorRate;
import org.cvkit.face.calibration.RocChart;
import org.cvkit.face.calibration.RocCurve;
import org.cvkit.face.siamese.IdentityBatchIterator;
import org.cvkit.face.siamese.IdentityImages;
import org.cvkit.face.siamese.SiameseEncoder;
import org.cvkit.face.siamese.SiameseObjective;
import org.cvkit.face.siamese.SiameseTraining;
import org.cvkit.face.siamese.ThresholdAccuracy;
import org.cvkit.face.siamese.TripletMining;
import org.cvkit.face.siamese.VerificationPairs;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cvkit train siamese}: a Siamese encoder trained on a folder per identity or on Fashion-MNIST, verified on
 * identities it never saw, saved as a model zip with its metadata.
 */
@Command(name = "siamese",
        mixinStandardHelpOptions = true,
        description = {"Train a Siamese encoder (an L2-normalized embedding f; two images show the same identity when"
                + " d = ||f(a) - f(b)||^2 is small) and report how well it verifies identities it never saw.",
            "DATA_DIR holds one sub-folder of images per identity; identities with a single image are left out, and"
                    + " --held-out of the others are kept out of training. --fashion-mnist trains on classes 0-6 of"
                    + " the training images instead and verifies on the test images of classes 7-9 (sneaker, bag,"
                    + " ankle boot); that data comes from the zoo (cache, mirror, or download).",
            "Verification: 500 pairs of the same and 500 of different held-out identities; the accuracy at the best"
                    + " distance threshold, the equal error rate and the ROC curve. Nothing is written unless"
                    + " training and verification succeed."})
final class TrainSiameseCommand implements Callable<Integer> {

    private static final ImageSize DEFAULT_SIZE = new ImageSize(64, 64);
    private static final BatchShape DEFAULT_BATCH = new BatchShape(8, 4);
    /** All seven training classes of Fashion-MNIST in every batch. */
    private static final BatchShape FASHION_MNIST_BATCH = new BatchShape(7, 8);
    /** The default encoder halves the image twice, so each side must be a multiple of this. */
    private static final int POOLING = 4;
    private static final double DEFAULT_MARGIN = 0.2;
    private static final TripletMining DEFAULT_MINING = TripletMining.BATCH_HARD;
    private static final int DEFAULT_WARM_UP = 100;
    private static final double LEARNING_RATE = 1e-3;
    private static final int PAIRS_PER_KIND = 500;
    private static final int ROC_SIZE = 640;

    /** The preset runs. */
    enum Preset {
        /** One epoch of 100 batches. */
        QUICK,
        /** Five epochs, each of as many batches as hold about every training image once. */
        FULL;

        int epochs() {
            return this == QUICK ? 1 : 5;
        }

        int batchesPerEpoch(IdentityImages training, BatchShape batch) {
            return this == QUICK ? 100
                    : IdentityBatchIterator.batchesCovering(training, batch.identities() * batch.imagesEach());
        }
    }

    /** What the encoder is trained for. */
    enum Objective {
        /** The triplet loss over triplets mined in each batch. */
        TRIPLET,
        /** Logistic regression on {@code |f(a) - f(b)|} over the pairs of each batch. */
        BINARY
    }

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DATA_DIR",
            description = "Folder with one sub-folder of images per identity.")
    Path dataFolder;

    @Option(names = "--fashion-mnist", description = "Train on Fashion-MNIST classes 0-6 instead of DATA_DIR.")
    boolean fashionMnist;

    @Option(names = "--preset", defaultValue = "quick",
            description = "${COMPLETION-CANDIDATES}: one epoch of 100 batches, or five epochs each about the"
                    + " training images once (default: quick).")
    Preset preset;

    @Option(names = "--objective", defaultValue = "triplet",
            description = "${COMPLETION-CANDIDATES} (default: triplet): the triplet loss, or logistic regression on "
                    + "|f(a) - f(b)| over the pairs of each batch.")
    Objective objective;

    @Option(names = "--mining", paramLabel = "MINING", converter = MiningConverter.class,
            description = "Triplets per batch: batch-hard (the default, after a semi-hard warm-up) or semi-hard "
                    + "(triplet only).")
    TripletMining mining;

    @Option(names = "--warm-up", paramLabel = "BATCHES",
            description = "Semi-hard batches before batch-hard mining takes over (default: " + DEFAULT_WARM_UP
                    + "; 0 for none): batch-hard mining from a random start pulls every embedding to one point.")
    Integer warmUp;

    @Option(names = "--margin", paramLabel = "ALPHA",
            description = "The triplet loss margin alpha (default: 0.2; triplet only).")
    Double margin;

    @Option(names = "--embedding", paramLabel = "D", defaultValue = "32",
            description = "The embedding dimension (default: ${DEFAULT-VALUE}).")
    int embeddingSize;

    @Option(names = "--size", paramLabel = "WxH", converter = ImageSizeConverter.class,
            description = "Size the DATA_DIR images are stretched to, each side a multiple of 4 (default: 64x64).")
    ImageSize size;

    @Option(names = "--grey", description = "Read the DATA_DIR images in grey instead of colour.")
    boolean grey;

    @Option(names = "--held-out", paramLabel = "N",
            description = "DATA_DIR identities kept out of training to verify on (default: a fifth, at least 2).")
    Integer heldOut;

    @Option(names = "--batch", paramLabel = "PxK", converter = BatchShapeConverter.class,
            description = "P identities with K images each per batch (default: 8x4, 7x8 with --fashion-mnist).")
    BatchShape batch;

    @Option(names = "--epochs", paramLabel = "N", description = "Override the preset's epoch budget.")
    Integer epochs;

    @Option(names = "--batches-per-epoch", paramLabel = "N", description = "Override the preset's batches per epoch.")
    Integer batchesPerEpoch;

    @Option(names = "--ops", paramLabel = "OPS",
            description = "Augmentation of the training images, e.g. 'hflip@0.5, rotate=10, brightness=0.1'"
                    + " (see 'cvkit augment --help'); it must keep the image size.")
    String ops;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of the weights, batches, augmentation, held-out draw and pairs (default: "
                    + "${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "siamese-encoder.zip",
            description = "Where to save the trained encoder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--roc", paramLabel = "PNG", description = "Also draw the ROC curve of the held-out pairs.")
    Path roc;

    @Option(names = "--json", description = "Print the results as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        SiameseObjective trainedFor = trainingObjective();
        int warmUpBatches = warmUpBatches(trainedFor);
        requirePngName(roc);
        BatchShape batchShape = batch != null ? batch : fashionMnist ? FASHION_MNIST_BATCH : DEFAULT_BATCH;
        VerificationSplit data = data(batchShape);
        SiameseEncoder encoder = SiameseEncoder.defaultNetwork(data.training().shape(), embeddingSize, trainedFor,
                Optimizer.ADAM.updater(LEARNING_RATE), seed);
        int batches = batchesPerEpoch != null ? batchesPerEpoch : preset.batchesPerEpoch(data.training(), batchShape);
        SiameseTraining.Builder training = SiameseTraining.builder(encoder, data.training(),
                        epochs != null ? epochs : preset.epochs())
                .optBatch(batchShape.identities(), batchShape.imagesEach())
                .optBatchesPerEpoch(batches)
                .optSeed(seed)
                .optDescription("Siamese encoder, " + trainedFor.description(), data.description());
        if (warmUpBatches > 0) {
            training.optMiningWarmUp(warmUpBatches);
        }
        if (ops != null) {
            training.optAugmentation(AugmentationSpec.parse(ops));
        }
        if (json) {
            training.optNoProgress();
        }
        SiameseTraining.Result result = training.build().train();
        RocCurve curve = RocCurve.of(VerificationPairs.sample(data.heldOut(), PAIRS_PER_KIND, seed)
                .measure(result.encoder()));
        save(result, curve);
        report(new Summary(result, data, batchShape, batches, curve));
        return ExitCode.OK;
    }

    private SiameseObjective trainingObjective() {
        if (objective == Objective.BINARY) {
            if (margin != null || mining != null) {
                throw new IllegalArgumentException("--margin and --mining apply to --objective triplet only");
            }
            return SiameseObjective.binaryPairs();
        }
        return SiameseObjective.triplets(margin != null ? margin : DEFAULT_MARGIN,
                mining != null ? mining : DEFAULT_MINING);
    }

    private int warmUpBatches(SiameseObjective trainedFor) {
        boolean batchHard = trainedFor instanceof SiameseObjective.Triplets triplets
                && triplets.mining() == TripletMining.BATCH_HARD;
        if (warmUp == null) {
            return batchHard ? DEFAULT_WARM_UP : 0;
        }
        if (warmUp < 0) {
            throw new IllegalArgumentException("--warm-up is a number of batches, 0 or more, but is " + warmUp);
        }
        if (warmUp > 0 && !batchHard) {
            throw new IllegalArgumentException("--warm-up applies to batch-hard triplet mining only");
        }
        return warmUp;
    }

    private VerificationSplit data(BatchShape batchShape) throws IOException {
        if ((dataFolder != null) == fashionMnist) {
            throw new IllegalArgumentException("give either DATA_DIR, a folder with one sub-folder per identity, or "
                    + "--fashion-mnist");
        }
        if (fashionMnist) {
            if (size != null || grey || heldOut != null) {
                throw new IllegalArgumentException("--size, --grey and --held-out apply to DATA_DIR only; "
                        + "Fashion-MNIST is 28x28 grey and verifies on classes 7-9");
            }
            return VerificationSplit.fashionMnist(storeOptions.store());
        }
        ImageSize imageSize = size != null ? size : DEFAULT_SIZE;
        if (imageSize.width() % POOLING != 0 || imageSize.height() % POOLING != 0) {
            throw new IllegalArgumentException("--size must have sides that are multiples of " + POOLING
                    + " (the encoder pools twice by 2), but is " + imageSize);
        }
        return VerificationSplit.ofFolders(dataFolder,
                new ModelMetadata.InputShape(imageSize.height(), imageSize.width(), grey ? 1 : 3),
                heldOut != null ? OptionalInt.of(heldOut) : OptionalInt.empty(), batchShape.identities(), seed);
    }

    private static void requirePngName(Path file) {
        if (file != null && !file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new IllegalArgumentException("--roc draws a PNG picture; give a file name ending in .png, not "
                    + file);
        }
    }

    /** Writes the ROC chart, then the model; if the model cannot be written, the chart is removed again. */
    private void save(SiameseTraining.Result result, RocCurve curve) throws IOException {
        if (roc != null) {
            RocChart.ofSize(ROC_SIZE, ROC_SIZE).writePng(curve, roc);
        }
        try {
            result.encoder().save(out, result.metadata(), false);
        } catch (IOException | RuntimeException e) {
            if (roc != null) {
                Files.deleteIfExists(roc);
            }
            throw e;
        }
    }

    private void report(Summary summary) throws IOException {
        PrintWriter printer = spec.commandLine().getOut();
        if (json) {
            printer.println(new ObjectMapper().writeValueAsString(summary.asMap(out, roc)));
        } else {
            printer.printf(Locale.ROOT, "held-out verification accuracy %.2f%% at d <= %.4g on %d pairs of %d"
                            + " identities never trained on%n", 100 * summary.verification().accuracy(),
                    summary.verification().threshold(), summary.pairs(), summary.heldOutIdentities().size());
            printer.printf(Locale.ROOT, "equal error rate %.2f%% at d = %.4g, AUC %.4f%n",
                    100 * summary.equalError().rate(), summary.equalError().threshold(), summary.auc());
            printer.printf(Locale.ROOT, "trained %d epoch(s) of %d batches of %d x %d on %d images of %d identities"
                            + " in %.1f s%n", summary.epochs(), summary.batchesPerEpoch(),
                    summary.batch().identities(), summary.batch().imagesEach(), summary.trainingImages(),
                    summary.trainingIdentities(), summary.seconds());
            printer.println("model saved to " + out);
            if (roc != null) {
                printer.println("ROC curve drawn to " + roc);
            }
        }
        printer.flush();
    }

    /**
     * What a run achieved.
     *
     * @param verification       the best threshold on the held-out pairs and its accuracy
     * @param equalError         the equal error rate of those pairs
     * @param auc                the area under their ROC curve
     * @param pairs              the number of held-out pairs
     * @param heldOutIdentities  the names of the held-out identities
     * @param trainingIdentities the number of identities trained on
     * @param trainingImages     the number of images trained on
     * @param batch              the batch shape
     * @param epochs             the epochs run
     * @param batchesPerEpoch    the batches of each epoch
     * @param seconds            the training time
     */
    record Summary(ThresholdAccuracy verification, EqualErrorRate equalError, double auc, int pairs,
                   List<String> heldOutIdentities, int trainingIdentities, int trainingImages,
                   BatchShape batch, int epochs, int batchesPerEpoch, double seconds) {

        Summary(SiameseTraining.Result result, VerificationSplit data, BatchShape batch, int batchesPerEpoch,
                RocCurve curve) {
            this(ThresholdAccuracy.best(curve), curve.equalErrorRate(), curve.auc(),
                    curve.genuinePairs() + curve.impostorPairs(), data.heldOut().identityNames(),
                    data.training().identityNames().size(), data.training().size(), batch,
                    result.report().epochsRun(), batchesPerEpoch, result.report().duration().toMillis() / 1000.0);
        }

        Map<String, Object> asMap(Path model, Path rocChart) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("model", model.toString());
            map.put("verificationAccuracy", verification.accuracy());
            map.put("threshold", verification.threshold());
            map.put("equalErrorRate", equalError.rate());
            map.put("equalErrorThreshold", equalError.threshold());
            map.put("auc", auc);
            map.put("pairs", pairs);
            map.put("heldOutIdentities", heldOutIdentities);
            map.put("trainingIdentities", trainingIdentities);
            map.put("trainingImages", trainingImages);
            map.put("batch", batch.toString());
            map.put("epochs", epochs);
            map.put("batchesPerEpoch", batchesPerEpoch);
            map.put("seconds", seconds);
            if (rocChart != null) {
                map.put("roc", rocChart.toString());
            }
            return map;
        }
    }

    /**
     * The shape of an identity-balanced batch, written {@code PxK}.
     *
     * @param identities P, identities per batch, at least 2
     * @param imagesEach K, images of each, at least 2
     */
    record BatchShape(int identities, int imagesEach) {

        private static final Pattern TEXT_FORM = Pattern.compile("\\s*(\\d{1,6})\\s*[xX]\\s*(\\d{1,6})\\s*");

        /** Validates that a batch holds pairs of the same and of different identities. */
        BatchShape {
            if (identities < 2 || imagesEach < 2) {
                throw new IllegalArgumentException("a batch needs at least 2 identities with at least 2 images each,"
                        + " but " + identities + "x" + imagesEach + " was given");
            }
        }

        static BatchShape parse(String text) {
            Matcher matcher = TEXT_FORM.matcher(text);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("'" + text + "' must look like PxK, for example 8x4 for 8"
                        + " identities with 4 images each");
            }
            return new BatchShape(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
        }

        @Override
        public String toString() {
            return identities + "x" + imagesEach;
        }
    }

    /** Reads {@code WxH}. */
    static final class ImageSizeConverter implements ITypeConverter<ImageSize> {
        @Override
        public ImageSize convert(String value) {
            return ImageSize.parse(value);
        }
    }

    /** Reads {@code PxK}. */
    static final class BatchShapeConverter implements ITypeConverter<BatchShape> {
        @Override
        public BatchShape convert(String value) {
            return BatchShape.parse(value);
        }
    }

    /** Reads {@code semi-hard} or {@code batch-hard}, in any case, with a hyphen or an underscore. */
    static final class MiningConverter implements ITypeConverter<TripletMining> {
        @Override
        public TripletMining convert(String value) {
            try {
                return TripletMining.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("expected semi-hard or batch-hard but got '" + value + "'", e);
            }
        }
    }
}
