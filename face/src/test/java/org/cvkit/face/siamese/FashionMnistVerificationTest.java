package org.cvkit.face.siamese;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cvkit.core.data.FashionMnist;
import org.cvkit.core.data.LabeledImageSet;
import org.cvkit.core.train.Optimizer;
import org.cvkit.face.calibration.RocCurve;
import org.cvkit.zoo.SharedAssets;
import org.junit.jupiter.api.Test;

/**
 * Learning tests: Fashion-MNIST classes stand for identities. The encoder trains on classes 0-6 (T-shirt/top to
 * shirt); the distance threshold is chosen on pairs of held-out test images of those classes; verification is then
 * measured on pairs of classes 7-9 (sneaker, bag, ankle boot), which training never saw. Half the pairs show the same
 * class, so chance is 50%.
 *
 * <p>Transfer to the unseen classes varies a lot with the objective, the mining and the length of training: the
 * semi-hard triplet run learns the seen classes best and transfers worst; batch-hard mining after a semi-hard warm-up
 * and the binary objective transfer best; longer runs of semi-hard mining or of the binary objective learn the seen
 * classes better and the unseen ones worse. For scale: comparing the L2-normalized raw pixels
 * instead gives 70.5% on held-out pairs of the seen classes and at best 74.8% on the unseen ones (with the threshold
 * picked on those very pairs); the unseen footwear classes are close to each other and to the one seen footwear
 * class (sandal).
 */
class FashionMnistVerificationTest {

    private static final long SEED = 42;
    private static final int[] SEEN = {0, 1, 2, 3, 4, 5, 6};
    private static final int[] UNSEEN = {7, 8, 9};
    private static final int PAIRS_PER_KIND = 1000;

    /** What one run measured. */
    private record Outcome(ThresholdAccuracy heldOut, ThresholdAccuracy unseen, double seconds) {
    }

    private static Outcome run(SiameseObjective objective, int warmUpBatches, int batches) throws IOException {
        Path directory = SharedAssets.mirror().resolve("fashion-mnist");
        assumeTrue(Files.isRegularFile(directory.resolve(FashionMnist.Split.TRAIN.imagesFile())),
                "Fashion-MNIST not found in " + directory);
        LabeledImageSet train = FashionMnist.load(directory, FashionMnist.Split.TRAIN)
                .normalized(FashionMnist.STANDARDIZATION);
        LabeledImageSet test = FashionMnist.load(directory, FashionMnist.Split.TEST)
                .normalized(FashionMnist.STANDARDIZATION);
        IdentityImages seen = IdentityImages.ofClasses(train, SEEN);
        SiameseEncoder encoder = SiameseEncoder.defaultNetwork(seen.shape(), 32, objective,
                Optimizer.ADAM.updater(1e-3), SEED);

        long start = System.nanoTime();
        SiameseTraining.Builder training = SiameseTraining.builder(encoder, seen, 1)
                .optBatch(SEEN.length, 8)
                .optBatchesPerEpoch(batches)
                .optSeed(SEED)
                .optNoProgress();
        if (warmUpBatches > 0) {
            training.optMiningWarmUp(warmUpBatches);
        }
        training.build().train();
        ThresholdAccuracy heldOut = ThresholdAccuracy.best(RocCurve.of(VerificationPairs.sample(
                IdentityImages.ofClasses(test, SEEN), PAIRS_PER_KIND, SEED).measure(encoder)));
        ThresholdAccuracy unseen = ThresholdAccuracy.at(RocCurve.of(VerificationPairs.sample(
                IdentityImages.ofClasses(test, UNSEEN), PAIRS_PER_KIND, SEED + 1).measure(encoder)),
                heldOut.threshold());
        Outcome outcome = new Outcome(heldOut, unseen, (System.nanoTime() - start) / 1e9);
        System.out.printf("%s, %d + %d batches of 7 x 8: held-out seen classes %.4f at d <= %.3f, unseen classes"
                + " %.4f, %.1f s%n", objective.description(), warmUpBatches, batches, heldOut.accuracy(),
                heldOut.threshold(), unseen.accuracy(), outcome.seconds());
        return outcome;
    }

    /** Measured: 86.3% on held-out pairs of the seen classes, 70.5% on the unseen classes, 18-26 s. */
    @Test
    void semiHardTripletEncoderVerifiesClassesItNeverSaw() throws IOException {
        Outcome outcome = run(SiameseObjective.triplets(0.2, TripletMining.SEMI_HARD), 0, 100);

        assertThat(outcome.heldOut().accuracy()).isGreaterThanOrEqualTo(0.82);
        assertThat(outcome.unseen().accuracy()).isGreaterThanOrEqualTo(0.67);
    }

    /**
     * Batch-hard mining after a semi-hard warm-up trades the seen classes for the unseen ones. Measured: 73.8% on
     * held-out pairs of the seen classes, 80.6% on the unseen classes, 105 s (79.8-81.2% with another seed).
     */
    @Test
    void batchHardTripletEncoderAfterASemiHardWarmUpVerifiesClassesItNeverSawBest() throws IOException {
        Outcome outcome = run(SiameseObjective.triplets(0.2, TripletMining.BATCH_HARD), 100, 400);

        assertThat(outcome.heldOut().accuracy()).isGreaterThanOrEqualTo(0.70);
        assertThat(outcome.unseen().accuracy()).isGreaterThanOrEqualTo(0.77);
    }

    /** Measured: 83.9% on held-out pairs of the seen classes, 79.2% on the unseen classes, 36-42 s. */
    @Test
    void binaryPairEncoderVerifiesClassesItNeverSaw() throws IOException {
        Outcome outcome = run(SiameseObjective.binaryPairs(), 0, 200);

        assertThat(outcome.heldOut().accuracy()).isGreaterThanOrEqualTo(0.80);
        assertThat(outcome.unseen().accuracy()).isGreaterThanOrEqualTo(0.76);
    }
}
