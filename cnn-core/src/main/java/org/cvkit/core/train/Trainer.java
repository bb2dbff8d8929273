package org.cvkit.core.train;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

import org.cvkit.core.data.PreProcessedBatches;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The course's mini-batch loop for a DL4J network: for each epoch, for each batch of the training data, forward,
 * loss, backward and update; then, if held-out data was given, measure accuracy and loss on it (or, for networks
 * that are not classifiers, a {@link HeldOutScore} such as verification accuracy or mAP).
 *
 * <pre>{@code
 * TrainingReport report = Trainer.builder(network, train.shuffledIterator(64, SEED), 10)
 *         .optValidation(test.iterator(500))
 *         .optEarlyStopping(EarlyStopping.onAccuracy(2))
 *         .optCheckpoints(new Checkpoints(dir, 5, metadata))
 *         .build()
 *         .train();
 * }</pre>
 *
 * <p>What to train with lives in the network configuration, not here: the optimizer and learning-rate schedule
 * ({@code NeuralNetConfiguration.Builder.updater(Optimizer.ADAM.updater(1e-3))}, see {@link Optimizer} and
 * {@link LearningRateSchedules}), L2 weight decay ({@code .l2(1e-4)}, which DL4J adds to the loss reported here) and
 * dropout ({@code .dropOut(0.5)} on a layer; DL4J's argument is the probability of <em>keeping</em> a unit, and it
 * applies the course's inverted dropout: kept activations are divided by p at training time, nothing changes at
 * test time).
 *
 * <p>Progress goes to standard error by default: a bar per epoch with examples done, examples per second, elapsed
 * time, ETA (from the second epoch on, once the epoch size is known), the current batch and its loss. A one-line
 * summary per epoch is logged at INFO level.
 *
 * <p>A trainer keeps no state between {@link #train()} calls except the network itself, so calling it again
 * continues training.
 */
public final class Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final TrainableNetwork network;
    private final DataSetIterator trainingData;
    private final int epochs;
    private final DataSetIterator validationData;
    private final HeldOutScore heldOutScore;
    private final EarlyStopping earlyStopping;
    private final Checkpoints checkpoints;
    private final PrintStream progress;

    private Trainer(Builder builder) {
        this.network = builder.network;
        this.trainingData = builder.trainingData;
        this.epochs = builder.epochs;
        this.validationData = builder.validationData;
        this.heldOutScore = builder.heldOutScore;
        this.earlyStopping = builder.earlyStopping;
        this.checkpoints = builder.checkpoints;
        this.progress = builder.progress;
    }

    /**
     * @param network      the initialized network to train
     * @param trainingData the training batches; reset at the start of every epoch
     * @param epochs       the epoch budget, positive
     * @return a builder for the optional settings
     */
    public static Builder builder(MultiLayerNetwork network, DataSetIterator trainingData, int epochs) {
        return new Builder(new TrainableNetwork.Multilayer(Objects.requireNonNull(network, "network")),
                trainingData, epochs);
    }

    /**
     * @param graph        the initialized single-input, single-output graph to train
     * @param trainingData the training batches; reset at the start of every epoch
     * @param epochs       the epoch budget, positive
     * @return a builder for the optional settings
     */
    public static Builder builder(ComputationGraph graph, DataSetIterator trainingData, int epochs) {
        return new Builder(new TrainableNetwork.Graph(Objects.requireNonNull(graph, "graph")), trainingData, epochs);
    }

    /**
     * Trains for the epoch budget or until early stopping ends it; with early stopping the network ends with the
     * parameters of the best epoch (the updater state stays that of the last epoch).
     *
     * @return what each epoch achieved
     * @throws UncheckedIOException if a checkpoint cannot be written
     */
    public TrainingReport train() {
        long start = System.nanoTime();
        List<EpochResult> results = new ArrayList<>();
        Selection best = new Selection();
        long expectedExamples = trainingData instanceof PreProcessedBatches sized ? sized.examplesPerEpoch() : -1;
        boolean stoppedEarly = false;
        for (int epoch = 1; epoch <= epochs && !stoppedEarly; epoch++) {
            EpochResult result = runEpoch(epoch, expectedExamples);
            expectedExamples = result.examples();
            results.add(result);
            log(result);
            best.consider(result);
            if (checkpoints != null && checkpoints.isDue(epoch)) {
                saveCheckpoint(epoch);
            }
            stoppedEarly = earlyStopping != null && epoch - best.epoch >= earlyStopping.patience() && epoch < epochs;
        }
        if (best.parameters != null && best.epoch != results.size()) {
            network.model().setParams(best.parameters);
        }
        int bestEpoch = validates() ? best.epoch : results.size();
        return new TrainingReport(results, bestEpoch, stoppedEarly, Duration.ofNanos(System.nanoTime() - start));
    }

    private EpochResult runEpoch(int epoch, long expectedExamples) {
        long start = System.nanoTime();
        double lossSum = 0;
        long examples = 0;
        int batches = 0;
        trainingData.reset();
        try (ProgressDisplay display = progress == null ? null
                : new ProgressDisplay(progress, epoch, epochs, expectedExamples)) {
            while (trainingData.hasNext()) {
                DataSet batch = trainingData.next();
                network.fit(batch);
                double loss = network.model().score();
                int size = batch.numExamples();
                lossSum += loss * size;
                examples += size;
                batches++;
                if (display != null) {
                    display.update(batches, examples, loss);
                }
            }
        }
        if (examples == 0) {
            throw new IllegalStateException("the training data produced no examples in epoch " + epoch
                    + "; check that the iterator supports reset()");
        }
        network.incrementEpochCount();
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        OptionalDouble accuracy = OptionalDouble.empty();
        OptionalDouble validationLoss = OptionalDouble.empty();
        if (validationData != null) {
            accuracy = OptionalDouble.of(network.accuracy(validationData));
            validationLoss = OptionalDouble.of(validationLoss());
        } else if (heldOutScore != null) {
            accuracy = OptionalDouble.of(heldOutScore.measure(network.model()));
        }
        return new EpochResult(epoch, lossSum / examples, accuracy, validationLoss, examples, duration);
    }

    private double validationLoss() {
        double sum = 0;
        long examples = 0;
        validationData.reset();
        while (validationData.hasNext()) {
            DataSet batch = validationData.next();
            sum += network.score(batch) * batch.numExamples();
            examples += batch.numExamples();
        }
        return sum / examples;
    }

    private void saveCheckpoint(int epoch) {
        try {
            network.save(checkpoints.metadata().withEpochs(epoch), checkpoints.file(epoch));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint of epoch " + epoch, e);
        }
    }

    private void log(EpochResult result) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String heldOut = (result.validationAccuracy().isEmpty() ? "" : String.format(Locale.ROOT,
                ", held-out %s %.4f", validationData != null ? "accuracy" : "score",
                result.validationAccuracy().getAsDouble()))
                + (result.validationLoss().isEmpty() ? "" : String.format(Locale.ROOT, ", held-out loss %.4f",
                result.validationLoss().getAsDouble()));
        LOG.info(String.format(Locale.ROOT, "epoch %d/%d: training loss %.4f%s, %d examples in %.1f s (%.0f/s)",
                result.epoch(), epochs, result.trainingLoss(), heldOut, result.examples(),
                result.duration().toMillis() / 1000.0, result.examplesPerSecond()));
    }

    private boolean validates() {
        return validationData != null || heldOutScore != null;
    }

    /** Tracks the best epoch by held-out score and, with early stopping, its parameters. */
    private final class Selection {
        private int epoch;
        private double score;
        private INDArray parameters;

        void consider(EpochResult result) {
            if (!validates()) {
                return;
            }
            EarlyStopping.Metric metric = earlyStopping == null
                    ? EarlyStopping.Metric.VALIDATION_ACCURACY : earlyStopping.metric();
            double candidate = metric == EarlyStopping.Metric.VALIDATION_ACCURACY
                    ? result.validationAccuracy().getAsDouble() : result.validationLoss().getAsDouble();
            if (epoch == 0 || metric.improves(candidate, score)) {
                epoch = result.epoch();
                score = candidate;
                if (earlyStopping != null) {
                    parameters = network.model().params().dup();
                }
            }
        }
    }

    /** Optional settings of a {@link Trainer}. */
    public static final class Builder {

        private final TrainableNetwork network;
        private final DataSetIterator trainingData;
        private final int epochs;
        private DataSetIterator validationData;
        private HeldOutScore heldOutScore;
        private EarlyStopping earlyStopping;
        private Checkpoints checkpoints;
        private PrintStream progress = System.err;

        private Builder(TrainableNetwork network, DataSetIterator trainingData, int epochs) {
            this.network = network;
            this.trainingData = Objects.requireNonNull(trainingData, "trainingData");
            if (epochs < 1) {
                throw new IllegalArgumentException("the epoch budget must be at least 1 but is " + epochs);
            }
            if (!trainingData.resetSupported()) {
                throw new IllegalArgumentException("the training data iterator must support reset() to be read"
                        + " once per epoch");
            }
            this.epochs = epochs;
        }

        /**
         * @param heldOut data not trained on, for accuracy and loss after every epoch; must support reset()
         * @return this builder
         */
        public Builder optValidation(DataSetIterator heldOut) {
            Objects.requireNonNull(heldOut, "heldOut");
            if (!heldOut.resetSupported()) {
                throw new IllegalArgumentException("the held-out data iterator must support reset() to be read"
                        + " after every epoch");
            }
            this.validationData = heldOut;
            return this;
        }

        /**
         * @param score a held-out score measured after every epoch instead of classification accuracy, for networks
         *              that are not classifiers; early stopping {@link EarlyStopping#onAccuracy on accuracy} watches
         *              it
         * @return this builder
         */
        public Builder optValidation(HeldOutScore score) {
            this.heldOutScore = Objects.requireNonNull(score, "score");
            return this;
        }

        /**
         * @param earlyStopping when to stop; needs {@link #optValidation held-out data} or a held-out score (which
         *                      early stopping on loss cannot use)
         * @return this builder
         */
        public Builder optEarlyStopping(EarlyStopping earlyStopping) {
            this.earlyStopping = Objects.requireNonNull(earlyStopping, "earlyStopping");
            return this;
        }

        /**
         * @param checkpoints where and how often to save the network
         * @return this builder
         */
        public Builder optCheckpoints(Checkpoints checkpoints) {
            this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
            return this;
        }

        /**
         * @param out where to draw the progress bar instead of standard error
         * @return this builder
         */
        public Builder optProgress(PrintStream out) {
            this.progress = Objects.requireNonNull(out, "out");
            return this;
        }

        /** @return this builder, set to draw no progress bar (the per-epoch log lines remain) */
        public Builder optNoProgress() {
            this.progress = null;
            return this;
        }

        /**
         * @return the trainer
         * @throws IllegalStateException if early stopping is set without held-out data, on loss with only a
         *                               held-out score, or if both held-out data and a held-out score are given
         */
        public Trainer build() {
            if (validationData != null && heldOutScore != null) {
                throw new IllegalStateException("give held-out data or a held-out score, not both");
            }
            if (earlyStopping != null && validationData == null && heldOutScore == null) {
                throw new IllegalStateException("early stopping watches held-out data: call optValidation(...) too");
            }
            if (earlyStopping != null && validationData == null
                    && earlyStopping.metric() == EarlyStopping.Metric.VALIDATION_LOSS) {
                throw new IllegalStateException("early stopping on held-out loss needs held-out data"
                        + " (optValidation(DataSetIterator)); watch a held-out score with EarlyStopping.onAccuracy");
            }
            return new Trainer(this);
        }
    }
}
