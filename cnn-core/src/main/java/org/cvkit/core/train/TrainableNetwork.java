package org.cvkit.core.train;

import java.io.IOException;
import java.nio.file.Path;

import org.cvkit.core.io.ModelIO;
import org.cvkit.core.io.ModelMetadata;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.api.NeuralNetwork;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/** What {@link Trainer} needs from a network, for both DL4J network kinds. */
sealed interface TrainableNetwork {

    /** @return the network as DL4J's common model interface */
    Model model();

    /** @return the held-out loss of one batch, in inference mode */
    double score(DataSet batch);

    /** Advances the network's epoch counter, which epoch-based learning-rate schedules read. */
    void incrementEpochCount();

    /** Saves the network with its updater state. */
    void save(ModelMetadata metadata, Path file) throws IOException;

    /** Trains on one mini-batch. */
    default void fit(DataSet batch) {
        ((NeuralNetwork) model()).fit(batch);
    }

    /** @return the classification accuracy over all of {@code data}, which is reset first */
    default double accuracy(DataSetIterator data) {
        data.reset();
        return ((NeuralNetwork) model()).doEvaluation(data, new Evaluation())[0].accuracy();
    }

    record Multilayer(MultiLayerNetwork model) implements TrainableNetwork {
        @Override
        public double score(DataSet batch) {
            return model.score(batch, false);
        }

        @Override
        public void incrementEpochCount() {
            model.incrementEpochCount();
        }

        @Override
        public void save(ModelMetadata metadata, Path file) throws IOException {
            ModelIO.save(model, metadata, file, true);
        }
    }

    record Graph(ComputationGraph model) implements TrainableNetwork {
        @Override
        public double score(DataSet batch) {
            return model.score(batch, false);
        }

        @Override
        public void incrementEpochCount() {
            model.incrementEpochCount();
        }

        @Override
        public void save(ModelMetadata metadata, Path file) throws IOException {
            ModelIO.save(model, metadata, file, true);
        }
    }
}
