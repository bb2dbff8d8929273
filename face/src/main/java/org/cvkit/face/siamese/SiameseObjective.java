package org.cvkit.face.siamese;

import java.util.Locale;
import java.util.Objects;

import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.nd4j.linalg.activations.Activation;

/**
 * What a Siamese encoder is trained to do, as the output layer that follows its L2-normalized embedding: the
 * triplet loss ({@link Triplets}) or logistic regression on pairs ({@link BinaryPairs}). Either layer passes the
 * embeddings through unchanged at inference.
 */
public sealed interface SiameseObjective {

    /**
     * @param embeddingSize the embedding dimension
     * @return a new DL4J output layer computing this objective over the embeddings of a mini-batch
     */
    Layer outputLayer(int embeddingSize);

    /** @return a short description for model provenance, for example {@code triplet loss, margin 0.2, BATCH_HARD} */
    String description();

    /**
     * The triplet loss over triplets mined in each mini-batch ({@link TripletLoss}).
     *
     * @param margin the margin alpha, positive
     * @param mining how the triplets are chosen
     */
    record Triplets(double margin, TripletMining mining) implements SiameseObjective {

        /** Validates that the margin is positive and the mining is given. */
        public Triplets {
            TripletLoss.requireMargin(margin);
            Objects.requireNonNull(mining, "mining");
        }

        @Override
        public Layer outputLayer(int embeddingSize) {
            return new LossLayer.Builder().lossFunction(new TripletLoss(margin, mining))
                    .activation(Activation.IDENTITY).build();
        }

        @Override
        public String description() {
            return String.format(Locale.ROOT, "triplet loss, margin %s, %s mining", margin, mining);
        }
    }

    /** Logistic regression on {@code |f(i) - f(j)|} over all pairs of each mini-batch ({@link LogisticPairHead}). */
    record BinaryPairs() implements SiameseObjective {

        @Override
        public Layer outputLayer(int embeddingSize) {
            return new LogisticPairHead(embeddingSize);
        }

        @Override
        public String description() {
            return "logistic regression on |f(a) - f(b)|";
        }
    }

    /**
     * @param margin the margin alpha, positive
     * @param mining how the triplets are chosen
     * @return the triplet loss
     */
    static SiameseObjective triplets(double margin, TripletMining mining) {
        return new Triplets(margin, mining);
    }

    /** @return logistic regression on pairs */
    static SiameseObjective binaryPairs() {
        return new BinaryPairs();
    }
}
