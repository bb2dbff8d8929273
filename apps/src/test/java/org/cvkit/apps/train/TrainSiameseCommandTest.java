package org.cvkit.apps.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.cvkit.apps.CommandRunner;
import org.cvkit.apps.CommandRunner.Result;
import org.cvkit.apps.ExitCode;
import org.cvkit.core.image.ImageTensorFormat;
import org.cvkit.core.io.ModelIO;
import org.cvkit.core.io.ModelMetadata;
import org.cvkit.face.calibration.EqualErrorRate;
import org.cvkit.face.calibration.RocCurve;
import org.cvkit.face.siamese.IdentityFolders;
import org.cvkit.face.siamese.SiameseEncoder;
import org.cvkit.face.siamese.ThresholdAccuracy;
import org.cvkit.face.siamese.VerificationPairs;
import org.cvkit.zoo.SharedAssets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end runs of {@code cvkit train siamese} with tiny budgets: on generated identity folders (coloured shapes)
 * and on the real Fashion-MNIST files.
 */
class TrainSiameseCommandTest {

    private static final Color[] COLOURS = {new Color(220, 40, 40), new Color(40, 80, 220)};
    private static final int IMAGE_SIZE = 48;

    @TempDir
    Path temp;

    @Test
    void folderRunVerifiesOnHeldOutIdentitiesAndSavesTheEncoderAndTheRocCurve() throws Exception {
        Path data = writeIdentities(temp.resolve("shapes"), 8, 5, 1);
        writeIdentity(data.resolve("single"), 1, new Random(2), 0);
        Path model = temp.resolve("encoder.zip");
        Path roc = temp.resolve("roc.png");

        Result result = run(data.toString(), "--size", "32x16", "--embedding", "8", "--batch", "3x3",
                "--held-out", "2", "--epochs", "2", "--batches-per-epoch", "3", "--mining", "batch-hard",
                "--warm-up", "2", "--margin", "0.3", "--ops", "hflip@0.5, brightness=0.1", "--seed", "7",
                "--out", model.toString(), "--roc", roc.toString(), "--json");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.OK);
        JsonNode summary = new ObjectMapper().readTree(result.out());
        // The single-image identity is left out; 2 of the other 8 are held out, so 6 x 5 images train.
        assertThat(summary.get("trainingIdentities").asInt()).isEqualTo(6);
        assertThat(summary.get("trainingImages").asInt()).isEqualTo(30);
        assertThat(summary.get("pairs").asInt()).isEqualTo(1000);
        assertThat(summary.get("batch").asText()).isEqualTo("3x3");
        assertThat(summary.get("epochs").asInt()).isEqualTo(2);
        assertThat(summary.get("batchesPerEpoch").asInt()).isEqualTo(3);
        List<String> heldOut = new ArrayList<>();
        summary.get("heldOutIdentities").forEach(name -> heldOut.add(name.asText()));
        assertThat(heldOut).hasSize(2).doesNotHaveDuplicates()
                .allMatch(name -> name.matches("id-[0-7]"), "one of the generated identities");

        ModelMetadata.InputShape shape = new ModelMetadata.InputShape(16, 32, 3); // --size is WIDTHxHEIGHT
        SiameseEncoder.Loaded loaded = SiameseEncoder.load(model);
        assertThat(loaded.metadata().inputShape()).isEqualTo(shape);
        assertThat(loaded.metadata().channelOrder()).isEqualTo(ModelMetadata.RGB);
        assertThat(loaded.metadata().architecture())
                .isEqualTo("Siamese encoder, triplet loss, margin 0.3, BATCH_HARD mining (8-d embedding)");
        assertThat(loaded.metadata().provenance().trainingData()).isEqualTo("identity folders of " + data
                + ", 30 images of 6 identities, batches of 3 x 3, after 2 semi-hard warm-up batches, augmented");
        assertThat(loaded.metadata().provenance().seed()).isEqualTo(7);
        assertThat(loaded.metadata().provenance().epochs()).isEqualTo(2);

        // The saved encoder, on pairs drawn from copies of just the held-out folders, measures what was reported.
        Path heldOutCopy = Files.createDirectories(temp.resolve("held-out"));
        for (String name : heldOut) {
            copyFolder(data.resolve(name), heldOutCopy.resolve(name));
        }
        IdentityFolders heldOutFolders = IdentityFolders.open(heldOutCopy, shape, ImageTensorFormat.RGB_UNIT);
        RocCurve curve = RocCurve.of(VerificationPairs.sample(heldOutFolders, 500, 7).measure(loaded.encoder()));
        ThresholdAccuracy best = ThresholdAccuracy.best(curve);
        EqualErrorRate equalError = curve.equalErrorRate();
        assertThat(summary.get("verificationAccuracy").asDouble()).isCloseTo(best.accuracy(), within(1e-9));
        assertThat(summary.get("threshold").asDouble()).isCloseTo(best.threshold(), within(1e-6));
        assertThat(summary.get("equalErrorRate").asDouble()).isCloseTo(equalError.rate(), within(1e-9));
        assertThat(summary.get("equalErrorThreshold").asDouble()).isCloseTo(equalError.threshold(), within(1e-6));
        assertThat(summary.get("auc").asDouble()).isCloseTo(curve.auc(), within(1e-9));

        BufferedImage chart = ImageIO.read(roc.toFile());
        assertThat(chart.getWidth()).isEqualTo(640);
        assertThat(chart.getHeight()).isEqualTo(640);
        assertThat(summary.get("roc").asText()).isEqualTo(roc.toString());
    }

    @Test
    void textReportOfABinaryObjectiveOnGreyImages() throws Exception {
        Path data = writeIdentities(temp.resolve("shapes"), 8, 5, 3);
        Path model = temp.resolve("encoder.zip");

        Result result = run(data.toString(), "--grey", "--size", "16x16", "--objective", "binary",
                "--embedding", "4", "--batch", "2x2", "--batches-per-epoch", "2", "--out", model.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.OK);
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(4);
        // Without --held-out a fifth of the 8 identities, but at least 2, are held out.
        assertThat(lines.get(0)).matches("held-out verification accuracy \\d+\\.\\d\\d% at d <= [0-9.e-]+"
                + " on 1000 pairs of 2 identities never trained on");
        assertThat(lines.get(1)).matches("equal error rate \\d+\\.\\d\\d% at d = [0-9.e-]+, AUC \\d\\.\\d{4}");
        assertThat(lines.get(2)).matches("trained 1 epoch\\(s\\) of 2 batches of 2 x 2 on 30 images of 6 identities"
                + " in \\d+\\.\\d s");
        assertThat(lines.get(3)).isEqualTo("model saved to " + model);
        ModelMetadata metadata = SiameseEncoder.load(model).metadata();
        assertThat(metadata.inputShape()).isEqualTo(new ModelMetadata.InputShape(16, 16, 1));
        assertThat(metadata.channelOrder()).isEqualTo(ModelMetadata.GRAY);
        assertThat(metadata.architecture())
                .isEqualTo("Siamese encoder, logistic regression on |f(a) - f(b)| (4-d embedding)");
    }

    @Test
    void fashionMnistRunVerifiesOnTheThreeClassesItNeverSaw() throws Exception {
        Path model = temp.resolve("encoder.zip");

        Result result = run("--fashion-mnist", "--mirror", SharedAssets.mirror().toString(), "--batch", "7x2",
                "--batches-per-epoch", "3", "--warm-up", "3", "--embedding", "8", "--out", model.toString(), "--json");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.OK);
        JsonNode summary = new ObjectMapper().readTree(result.out());
        assertThat(summary.get("heldOutIdentities").toString()).isEqualTo("[\"Sneaker\",\"Bag\",\"Ankle boot\"]");
        // Fashion-MNIST has 6,000 training images per class.
        assertThat(summary.get("trainingIdentities").asInt()).isEqualTo(7);
        assertThat(summary.get("trainingImages").asInt()).isEqualTo(42_000);
        assertThat(summary.get("pairs").asInt()).isEqualTo(1000);
        // Three batches after three warm-up batches already beat chance (50%) on the unseen classes: measured 76.0%.
        assertThat(summary.get("verificationAccuracy").asDouble()).isGreaterThan(0.6);
        ModelMetadata metadata = ModelIO.readMetadata(model);
        assertThat(metadata.inputShape()).isEqualTo(new ModelMetadata.InputShape(28, 28, 1));
        assertThat(metadata.provenance().trainingData()).isEqualTo("Fashion-MNIST training images of classes 0-6,"
                + " 42000 images of 7 identities, batches of 7 x 2, after 3 semi-hard warm-up batches");
    }

    @Test
    void badInputIsAOneLineErrorAndWritesNothing() throws Exception {
        Path model = temp.resolve("encoder.zip");
        Path roc = temp.resolve("roc.png");
        Path shapes = writeIdentities(temp.resolve("shapes"), 8, 5, 4);
        Path oneIdentity = writeIdentities(temp.resolve("one"), 1, 5, 5);
        Path singles = writeIdentities(temp.resolve("singles"), 6, 1, 6);
        Path unreadable = temp.resolve("unreadable");
        for (int identity = 0; identity < 4; identity++) {
            Path folder = Files.createDirectories(unreadable.resolve("id-" + identity));
            for (int n = 0; n < 3; n++) {
                Files.writeString(folder.resolve(n + ".png"), "not a picture");
            }
        }
        String out = model.toString();

        assertUsageError(run(temp.resolve("nowhere").toString(), "--out", out), "nowhere", "does not exist");
        assertUsageError(run(oneIdentity.toString(), "--batch", "2x2", "--out", out),
                "holds 1 identity folder(s) with two or more images and 0 with a single one", "need 4");
        assertUsageError(run(singles.toString(), "--batch", "2x2", "--out", out),
                "holds 0 identity folder(s) with two or more images and 6 with a single one");
        assertUsageError(run(shapes.toString(), "--out", out), "holds 8 identity folder(s)",
                "batches of 8 identities and 2 held out", "need 10", "--batch");
        assertUsageError(run("--out", out), "give either DATA_DIR");
        assertUsageError(run(shapes.toString(), "--fashion-mnist", "--out", out), "give either DATA_DIR");
        assertUsageError(run("--fashion-mnist", "--size", "32x32", "--out", out), "apply to DATA_DIR only");
        assertUsageError(run(shapes.toString(), "--objective", "contrastive", "--out", out),
                "--objective", "TRIPLET, BINARY", "contrastive");
        assertUsageError(run(shapes.toString(), "--mining", "hardest", "--out", out),
                "invalid value for --mining: expected semi-hard or batch-hard but got 'hardest'");
        assertUsageError(run(shapes.toString(), "--objective", "binary", "--margin", "0.5", "--out", out),
                "--margin and --mining apply to --objective triplet only");
        assertUsageError(run(shapes.toString(), "--margin", "0", "--out", out), "margin");
        assertUsageError(run(shapes.toString(), "--mining", "semi-hard", "--warm-up", "5", "--out", out),
                "--warm-up applies to batch-hard triplet mining only");
        assertUsageError(run(shapes.toString(), "--objective", "binary", "--warm-up", "5", "--out", out),
                "--warm-up applies to batch-hard triplet mining only");
        assertUsageError(run(shapes.toString(), "--mining", "batch-hard", "--warm-up", "-1", "--out", out),
                "--warm-up is a number of batches, 0 or more, but is -1");
        assertUsageError(run(shapes.toString(), "--batch", "1x4", "--out", out), "at least 2 identities", "1x4");
        assertUsageError(run(shapes.toString(), "--batch", "eight", "--out", out), "must look like PxK");
        assertUsageError(run(shapes.toString(), "--size", "64", "--out", out), "WIDTHxHEIGHT");
        assertUsageError(run(shapes.toString(), "--size", "30x32", "--out", out),
                "--size must have sides that are multiples of 4", "30x32");
        assertUsageError(run(shapes.toString(), "--held-out", "1", "--out", out), "--held-out must be at least 2");
        assertUsageError(run(shapes.toString(), "--embedding", "0", "--batch", "2x2", "--out", out), "0");
        assertUsageError(run(shapes.toString(), "--epochs", "0", "--batch", "2x2", "--out", out), "epoch");
        assertUsageError(run(shapes.toString(), "--ops", "spin=3", "--batch", "2x2", "--out", out), "spin");
        assertUsageError(run(shapes.toString(), "--roc", temp.resolve("roc.jpg").toString(), "--out", out),
                "--roc draws a PNG picture", "roc.jpg");

        Result broken = run(unreadable.toString(), "--batch", "2x2", "--batches-per-epoch", "1", "--out", out,
                "--roc", roc.toString());
        assertThat(broken.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(broken.err().lines()).hasSize(1);
        assertThat(broken.err()).startsWith("cvkit: cannot read image ").contains("unreadable");

        try (var files = Files.list(temp)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("shapes", "one", "singles", "unreadable");
        }
    }

    private static void assertUsageError(Result result, String... fragments) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err().lines()).as(result.err()).hasSize(1);
        assertThat(result.err()).startsWith("cvkit: ").contains(fragments);
    }

    private static Result run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "train";
        all[1] = "siamese";
        System.arraycopy(args, 0, all, 2, args.length);
        return CommandRunner.run(all);
    }

    /**
     * Writes one folder per identity, {@code id-0}, {@code id-1}...: identity {@code i} is a disc, square, triangle
     * or bar (by {@code i / 2}) in red or blue (by {@code i % 2}), drawn at a random place and size on a random grey.
     */
    private static Path writeIdentities(Path root, int identities, int imagesEach, long seed) throws IOException {
        Random random = new Random(seed);
        for (int identity = 0; identity < identities; identity++) {
            writeIdentity(root.resolve("id-" + identity), imagesEach, random, identity);
        }
        return root;
    }

    private static void writeIdentity(Path folder, int images, Random random, int identity) throws IOException {
        Files.createDirectories(folder);
        for (int n = 0; n < images; n++) {
            BufferedImage image = new BufferedImage(IMAGE_SIZE, IMAGE_SIZE, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            int grey = 100 + random.nextInt(60);
            g.setColor(new Color(grey, grey, grey));
            g.fillRect(0, 0, IMAGE_SIZE, IMAGE_SIZE);
            g.setColor(COLOURS[identity % 2]);
            int side = 16 + random.nextInt(12);
            int x = random.nextInt(IMAGE_SIZE - side);
            int y = random.nextInt(IMAGE_SIZE - side);
            switch (identity / 2 % 4) {
                case 0 -> g.fillOval(x, y, side, side);
                case 1 -> g.fillRect(x, y, side, side);
                case 2 -> g.fillPolygon(new int[] {x, x + side, x + side / 2}, new int[] {y + side, y + side, y}, 3);
                default -> g.fillRect(x, y + side / 3, side, side / 3);
            }
            g.dispose();
            ImageIO.write(image, "png", folder.resolve(n + ".png").toFile());
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
