package org.cvkit.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.cvkit.core.data.IdxImages;
import org.cvkit.core.data.LabeledImageSet;
import org.cvkit.core.image.Normalization;
import org.cvkit.core.io.LoadedModel;
import org.cvkit.core.io.ModelIO;
import org.cvkit.core.io.ModelMetadata;
import org.deeplearning4j.datasets.iterator.IteratorDataSetIterator;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Trains small dense networks on 6x6 pictures of a bright bar on the left (class 0) or the right (class 1). */
class TrainerTest {

    private static final int SIZE = 6;
    private static final List<String> CLASSES = List.of("left", "right");

    @TempDir
    Path directory;

    /** @param flipLabels whether to give every picture the other class, for held-out data that disagrees */
    static LabeledImageSet bars(int count, long seed, boolean flipLabels) {
        Random random = new Random(seed);
        byte[] pixels = new byte[count * SIZE * SIZE];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            int label = random.nextInt(2);
            for (int p = 0; p < SIZE * SIZE; p++) {
                boolean left = p % SIZE < SIZE / 2;
                boolean bright = left == (label == 0);
                pixels[i * SIZE * SIZE + p] = (byte) (bright ? 150 + random.nextInt(100) : random.nextInt(100));
            }
            labels[i] = flipLabels ? 1 - label : label;
        }
        return new LabeledImageSet(new IdxImages(count, SIZE, SIZE, pixels), labels, CLASSES);
    }

    static MultiLayerNetwork denseNetwork() {
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(11)
                .updater(Optimizer.ADAM.updater(0.01))
                .list()
                .layer(new DenseLayer.Builder().nOut(8).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(SIZE, SIZE, 1))
                .build());
        network.init();
        return network;
    }

    @Test
    void trainsForTheEpochBudgetAndReportsEachEpoch() {
        MultiLayerNetwork network = denseNetwork();
        LabeledImageSet train = bars(200, 1, false);

        TrainingReport report = Trainer.builder(network, train.shuffledIterator(20, 1), 3)
                .optValidation(bars(100, 2, false).iterator(50))
                .optNoProgress()
                .build()
                .train();

        assertThat(report.epochsRun()).isEqualTo(3);
        assertThat(report.stoppedEarly()).isFalse();
        assertThat(report.epochs()).extracting(EpochResult::epoch).containsExactly(1, 2, 3);
        assertThat(report.epochs()).allSatisfy(epoch -> assertThat(epoch.examples()).isEqualTo(200));
        assertThat(report.last().trainingLoss()).isLessThan(report.epochs().get(0).trainingLoss());
        assertThat(report.last().validationAccuracy().getAsDouble()).isGreaterThan(0.95);
        assertThat(report.best().validationAccuracy().getAsDouble())
                .isEqualTo(report.epochs().stream().mapToDouble(e -> e.validationAccuracy().getAsDouble()).max()
                        .getAsDouble());
        assertThat(report.last().examplesPerSecond()).isPositive();
        assertThat(report.duration()).isGreaterThanOrEqualTo(report.last().duration());
        assertThat(network.getEpochCount()).as("epoch-based schedules see every epoch").isEqualTo(3);
    }

    @Test
    void withoutHeldOutDataTheLastEpochIsTheBest() {
        TrainingReport report = Trainer.builder(denseNetwork(), bars(40, 1, false).iterator(10), 2)
                .optNoProgress().build().train();
        assertThat(report.bestEpoch()).isEqualTo(2);
        assertThat(report.last().validationAccuracy()).isEmpty();
        assertThat(report.last().validationLoss()).isEmpty();
    }

    /** A network that is not a classifier is watched through a held-out score, here a scripted one. */
    @Test
    void stopsWhenAHeldOutScoreStopsImprovingAndKeepsTheParametersOfItsBestEpoch() {
        MultiLayerNetwork network = denseNetwork();
        double[] scores = {0.5, 0.7, 0.6, 0.65, 0.9};
        List<INDArray> parameters = new ArrayList<>();
        HeldOutScore scripted = model -> {
            parameters.add(model.params().dup());
            return scores[parameters.size() - 1];
        };

        TrainingReport report = Trainer.builder(network, bars(40, 1, false).iterator(10), 5)
                .optValidation(scripted)
                .optEarlyStopping(EarlyStopping.onAccuracy(2))
                .optNoProgress()
                .build()
                .train();

        assertThat(report.stoppedEarly()).isTrue();
        assertThat(report.epochsRun()).isEqualTo(4);
        assertThat(report.bestEpoch()).isEqualTo(2);
        assertThat(report.epochs()).extracting(epoch -> epoch.validationAccuracy().getAsDouble())
                .containsExactly(0.5, 0.7, 0.6, 0.65);
        assertThat(report.last().validationLoss()).isEmpty();
        assertThat(network.params()).isEqualTo(parameters.get(1));
    }

    @Test
    void stopsWhenTheHeldOutLossStopsImprovingAndKeepsTheBestParameters() {
        MultiLayerNetwork network = denseNetwork();
        // Held-out labels are flipped: the better the network learns, the worse its held-out loss.
        DataSetIterator heldOut = bars(100, 2, true).iterator(100);

        TrainingReport report = Trainer.builder(network, bars(200, 1, false).shuffledIterator(20, 1), 10)
                .optValidation(heldOut)
                .optEarlyStopping(EarlyStopping.onLoss(2))
                .optNoProgress()
                .build()
                .train();

        assertThat(report.stoppedEarly()).isTrue();
        assertThat(report.bestEpoch()).isEqualTo(1);
        assertThat(report.epochsRun()).isEqualTo(3);
        heldOut.reset();
        double restoredLoss = network.score((DataSet) heldOut.next(), false);
        assertThat(restoredLoss).isCloseTo(report.best().validationLoss().getAsDouble(), within(1e-6));
        assertThat(restoredLoss).isLessThan(report.last().validationLoss().getAsDouble());
    }

    @Test
    void writesCheckpointsWithTheirEpoch() throws IOException {
        MultiLayerNetwork network = denseNetwork();
        ModelMetadata metadata = new ModelMetadata("bars", new ModelMetadata.InputShape(SIZE, SIZE, 1),
                ModelMetadata.GRAY, Normalization.UNIT, CLASSES,
                new ModelMetadata.Provenance(11, "bars", 0, Instant.EPOCH, "test"));
        Checkpoints checkpoints = new Checkpoints(directory.resolve("checkpoints"), 2, metadata);

        Trainer.builder(network, bars(40, 1, false).iterator(10), 4)
                .optCheckpoints(checkpoints).optNoProgress().build().train();

        assertThat(checkpoints.file(1)).doesNotExist();
        assertThat(checkpoints.file(2)).hasFileName("checkpoint-epoch-0002.zip").exists();
        assertThat(ModelIO.readMetadata(checkpoints.file(2)).provenance().epochs()).isEqualTo(2);
        LoadedModel<MultiLayerNetwork> last = ModelIO.loadMultiLayerNetwork(checkpoints.file(4));
        assertThat(last.metadata().provenance().epochs()).isEqualTo(4);
        assertThat(last.model().params()).isEqualTo(network.params());
        assertThat(last.model().updaterState()).isEqualTo(network.updaterState());
    }

    @Test
    void drawsProgressWithThroughputAndLoss() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);

        Trainer.builder(denseNetwork(), bars(60, 1, false).iterator(10), 2).optProgress(out).build().train();

        String text = captured.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("epoch 1/2", "epoch 2/2", "60/60", "ex/s", "batch 6, loss ");
        // cvkit's iterators know the size of an epoch, so the first epoch's bar has its length too
        assertThat(text.substring(0, text.indexOf("epoch 2/2"))).contains("/60 ex").doesNotContain("/? ex");
    }

    @Test
    void trainsAComputationGraph() {
        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder()
                .seed(5).updater(Optimizer.ADAM.updater(0.01)).graphBuilder()
                .addInputs("in")
                .addLayer("hidden", new DenseLayer.Builder().nOut(8).activation(Activation.RELU).build(), "in")
                .addLayer("out", new OutputLayer.Builder().nOut(2).activation(Activation.SOFTMAX).build(), "hidden")
                .setOutputs("out")
                .setInputTypes(InputType.convolutional(SIZE, SIZE, 1))
                .build());
        graph.init();

        TrainingReport report = Trainer.builder(graph, bars(200, 1, false).shuffledIterator(20, 3), 3)
                .optValidation(bars(100, 2, false).iterator(50))
                .optNoProgress().build().train();

        assertThat(report.last().validationAccuracy().getAsDouble()).isGreaterThan(0.95);
        assertThat(graph.getEpochCount()).isEqualTo(3);
    }

    @Test
    void rejectsBadSettings() {
        DataSetIterator data = bars(10, 1, false).iterator(5);
        assertThatThrownBy(() -> Trainer.builder(denseNetwork(), data, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 but is 0");
        assertThatThrownBy(() -> Trainer.builder(denseNetwork(), data, 1)
                .optEarlyStopping(EarlyStopping.onAccuracy(1)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("optValidation");
        DataSetIterator once = new IteratorDataSetIterator(List.of(new DataSet()).iterator(), 1);
        assertThatThrownBy(() -> Trainer.builder(denseNetwork(), once, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reset()");
        assertThatThrownBy(() -> Trainer.builder(denseNetwork(), data, 1).optValidation(once))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reset()");
        DataSetIterator empty = new ListDataSetIterator<>(List.<DataSet>of());
        assertThatThrownBy(() -> Trainer.builder(denseNetwork(), empty, 1).optNoProgress().build().train())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no examples in epoch 1");
        HeldOutScore constant = model -> 0.5;
        assertThatThrownBy(() -> Trainer.builder(denseNetwork(), data, 1).optValidation(constant)
                .optValidation(data).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> Trainer.builder(denseNetwork(), data, 1).optValidation(constant)
                .optEarlyStopping(EarlyStopping.onLoss(1)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("EarlyStopping.onAccuracy");
        assertThatThrownBy(() -> EarlyStopping.onLoss(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("patience");
        assertThatThrownBy(() -> new Checkpoints(directory, 0, null))
                .isInstanceOf(NullPointerException.class);
    }
}
