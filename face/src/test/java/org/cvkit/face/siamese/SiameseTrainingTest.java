package org.cvkit.face.siamese;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import javax.imageio.ImageIO;

import org.cvkit.augment.spec.AugmentationSpec;
import org.cvkit.core.image.ChannelOrder;
import org.cvkit.core.image.ImageTensorFormat;
import org.cvkit.core.image.Normalization;
import org.cvkit.core.io.ModelMetadata;
import org.cvkit.core.train.Optimizer;
import org.cvkit.core.train.TrainingReport;
import org.cvkit.face.calibration.RocCurve;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training end to end on a folder-per-identity data set of synthetic "people" (16x16 grey images), augmented while
 * training.
 */
class SiameseTrainingTest {

    private static final ModelMetadata.InputShape SHAPE = new ModelMetadata.InputShape(16, 16, 1);
    private static final ImageTensorFormat FORMAT = new ImageTensorFormat(ChannelOrder.RGB, Normalization.UNIT);

    @TempDir
    Path root;

    @TempDir
    Path otherPeople;

    /**
     * Writes synthetic people: a person is a fixed pattern of 4x4 blocks, each 40 levels above or below mid-grey;
     * every image adds a random nuisance of 8x8 blocks (up to 60 levels either way) and pixel noise, so that an
     * untrained network sees mostly the nuisance.
     */
    private void writePeople(int people, int imagesEach, long seed) throws IOException {
        writePeople(root, people, imagesEach, seed);
    }

    private static void writePeople(Path into, int people, int imagesEach, long seed) throws IOException {
        Random random = new Random(seed);
        for (int person = 0; person < people; person++) {
            int[] identity = random.ints(16, 0, 2).map(bit -> bit == 0 ? -40 : 40).toArray();
            Path folder = Files.createDirectories(into.resolve("person-" + person));
            for (int n = 0; n < imagesEach; n++) {
                int[] nuisance = random.ints(4, -60, 61).toArray();
                BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
                for (int y = 0; y < 16; y++) {
                    for (int x = 0; x < 16; x++) {
                        double level = 128 + identity[(y / 4) * 4 + x / 4] + nuisance[(y / 8) * 2 + x / 8]
                                + random.nextGaussian() * 10;
                        image.getRaster().setSample(x, y, 0, (int) Math.max(0, Math.min(255, Math.round(level))));
                    }
                }
                ImageIO.write(image, "png", folder.resolve(n + ".png").toFile());
            }
        }
    }

    @Test
    void learnsToVerifyTheIdentitiesOfAnAugmentedFolderDataSet() throws IOException {
        writePeople(6, 6, 1);
        IdentityFolders people = IdentityFolders.open(root, SHAPE, FORMAT);
        SiameseEncoder encoder = SiameseEncoder.defaultNetwork(SHAPE, 16,
                SiameseObjective.triplets(0.2, TripletMining.BATCH_HARD), Optimizer.ADAM.updater(3e-3), 5);
        double before = ThresholdAccuracy.best(RocCurve.of(VerificationPairs.sample(people, 100, 3)
                .measure(encoder))).accuracy();

        SiameseTraining.Result result = SiameseTraining.builder(encoder, people, 3)
                .optBatch(4, 3)
                .optBatchesPerEpoch(15)
                .optMiningWarmUp(10)
                .optAugmentation(AugmentationSpec.parse("brightness=0.05, gauss-noise=3"))
                .optSeed(9)
                .optNoProgress()
                .optDescription("Siamese test encoder", "synthetic people")
                .build()
                .train();

        double after = ThresholdAccuracy.best(RocCurve.of(VerificationPairs.sample(people, 100, 3)
                .measure(encoder))).accuracy();
        System.out.printf("synthetic people: verification accuracy %.3f before, %.3f after training%n", before,
                after);
        assertThat(after).isGreaterThanOrEqualTo(0.95).isGreaterThan(before);
        assertThat(result.encoder()).isSameAs(encoder);
        assertThat(result.report().epochsRun()).isEqualTo(3);
        assertThat(result.report().last().examples()).isEqualTo(15 * 12);
        assertThat(result.report().last().trainingLoss()).isLessThan(result.report().epochs().get(0).trainingLoss());
        ModelMetadata metadata = result.metadata();
        assertThat(metadata.architecture()).isEqualTo("Siamese test encoder (16-d embedding)");
        assertThat(metadata.inputShape()).isEqualTo(SHAPE);
        assertThat(metadata.channelOrder()).isEqualTo(ModelMetadata.GRAY);
        assertThat(metadata.normalization()).isEqualTo(Normalization.UNIT);
        assertThat(metadata.labels()).isEmpty();
        assertThat(metadata.provenance().seed()).isEqualTo(9);
        assertThat(metadata.provenance().epochs()).isEqualTo(3);
        assertThat(metadata.provenance().trainingData())
                .isEqualTo("synthetic people, 36 images of 6 identities, batches of 4 x 3, after 10 semi-hard warm-up"
                        + " batches, augmented");
        assertThat(encoder.tripletLoss()).contains(new TripletLoss(0.2, TripletMining.BATCH_HARD));
    }

    /** Early stopping watches verification accuracy on other people and keeps the best epoch's parameters. */
    @Test
    void stopsEarlyOnTheVerificationAccuracyOfHeldOutPeople() throws IOException {
        writePeople(6, 6, 1);
        writePeople(otherPeople, 4, 6, 2);
        IdentityFolders people = IdentityFolders.open(root, SHAPE, FORMAT);
        IdentityFolders heldOut = IdentityFolders.open(otherPeople, SHAPE, FORMAT);
        SiameseEncoder encoder = SiameseEncoder.defaultNetwork(SHAPE, 16,
                SiameseObjective.triplets(0.2, TripletMining.SEMI_HARD), Optimizer.ADAM.updater(3e-3), 5);

        SiameseTraining.Result result = SiameseTraining.builder(encoder, people, 8)
                .optBatch(4, 3)
                .optBatchesPerEpoch(5)
                .optEarlyStopping(heldOut, 2)
                .optSeed(9)
                .optNoProgress()
                .build()
                .train();

        TrainingReport report = result.report();
        assertThat(report.epochs()).allSatisfy(epoch -> assertThat(epoch.validationAccuracy()).isPresent());
        double best = report.best().validationAccuracy().getAsDouble();
        assertThat(report.epochs()).allSatisfy(epoch ->
                assertThat(epoch.validationAccuracy().getAsDouble()).isLessThanOrEqualTo(best));
        assertThat(report.stoppedEarly()).isEqualTo(report.epochsRun() < 8);
        double restored = ThresholdAccuracy.best(RocCurve.of(VerificationPairs.sample(heldOut,
                SiameseTraining.EARLY_STOPPING_PAIRS, 9).measure(encoder))).accuracy();
        assertThat(restored).isEqualTo(best);
        System.out.printf("synthetic people: held-out verification accuracy %.3f at epoch %d of %d%n", best,
                report.bestEpoch(), report.epochsRun());
    }

    @Test
    void rejectsSettingsThatCannotTrain() throws IOException {
        writePeople(2, 2, 2);
        IdentityFolders people = IdentityFolders.open(root, SHAPE, FORMAT);
        SiameseEncoder encoder = SiameseEncoder.defaultNetwork(SHAPE, 4, SiameseObjective.binaryPairs(),
                Optimizer.ADAM.updater(1e-3), 1);

        assertThatThrownBy(() -> SiameseTraining.builder(encoder, people, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("epoch budget");
        assertThatThrownBy(() -> SiameseTraining.builder(encoder, people, 1).optBatch(1, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 identities");
        assertThatThrownBy(() -> SiameseTraining.builder(encoder, people, 1).optBatchesPerEpoch(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batches per epoch");
        assertThatThrownBy(() -> SiameseTraining.builder(encoder, people, 1).optBatch(3, 2).build().train())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only 2 of the 2 identities");
        assertThatThrownBy(() -> SiameseTraining.builder(encoder, people, 1).optMiningWarmUp(10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only matters before batch-hard triplet mining");
        SiameseEncoder semiHard = SiameseEncoder.defaultNetwork(SHAPE, 4,
                SiameseObjective.triplets(0.2, TripletMining.SEMI_HARD), Optimizer.ADAM.updater(1e-3), 1);
        assertThatThrownBy(() -> SiameseTraining.builder(semiHard, people, 1).optMiningWarmUp(10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SEMI_HARD");
        assertThatThrownBy(() -> SiameseTraining.builder(semiHard, people, 1).optMiningWarmUp(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 batch");
    }
}
