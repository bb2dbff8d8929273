package org.cvkit.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.cvkit.core.image.Normalization;
import org.cvkit.core.io.ModelMetadata.InputShape;
import org.cvkit.core.io.ModelMetadata.Provenance;
import org.cvkit.core.train.Momentum;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class ModelIOTest {

    static final ModelMetadata METADATA = new ModelMetadata("TinyNet", new InputShape(8, 8, 1), ModelMetadata.GRAY,
            Normalization.UNIT, List.of("cat", "dog", "bird"),
            new Provenance(42, "synthetic 8x8 noise", 3, Instant.parse("2024-05-01T10:15:30Z"), "0.1.0-SNAPSHOT"));

    @TempDir
    Path directory;

    static MultiLayerNetwork tinyNetwork() {
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(7)
                .updater(new Momentum(0.05, 0.9))
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder().kernelSize(2, 2).stride(2, 2).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(8, 8, 1))
                .build());
        network.init();
        return network;
    }

    static DataSet randomBatch(long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray features = Nd4j.rand(5, 1, 8, 8);
        INDArray labels = Nd4j.zeros(5, 3);
        for (int i = 0; i < 5; i++) {
            labels.putScalar(i, i % 3, 1);
        }
        return new DataSet(features, labels);
    }

    @Test
    void aMultiLayerNetworkComesBackWithIdenticalOutputsAndMetadata() throws IOException {
        MultiLayerNetwork network = tinyNetwork();
        network.fit(randomBatch(1));
        INDArray input = randomBatch(2).getFeatures();
        Path file = directory.resolve("tiny.zip");

        ModelIO.save(network, METADATA, file, false);
        LoadedModel<MultiLayerNetwork> loaded = ModelIO.loadMultiLayerNetwork(file);

        assertThat(loaded.metadata()).isEqualTo(METADATA);
        assertThat(loaded.model().params()).isEqualTo(network.params());
        assertThat(loaded.model().output(input)).isEqualTo(network.output(input));
        assertThat(network.updaterState().amaxNumber().doubleValue()).isNotZero();
        assertThat(loaded.model().updaterState().amaxNumber().doubleValue())
                .as("the momentum was not saved and starts again from zero").isZero();
    }

    @Test
    void theUpdaterStateLetsTrainingResumeExactly() throws IOException {
        MultiLayerNetwork network = tinyNetwork();
        network.fit(randomBatch(1));
        network.fit(randomBatch(2));
        Path file = directory.resolve("resumable.zip");

        ModelIO.save(network, METADATA, file, true);
        MultiLayerNetwork restored = ModelIO.loadMultiLayerNetwork(file).model();

        assertThat(restored.updaterState()).isEqualTo(network.updaterState());
        assertThat(restored.updaterState().amaxNumber().doubleValue()).isNotZero();
        network.fit(randomBatch(3));
        restored.fit(randomBatch(3));
        assertThat(restored.params()).isEqualTo(network.params());
    }

    @Test
    void aComputationGraphComesBackWithIdenticalOutputs() throws IOException {
        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder()
                .seed(3).updater(new Adam(1e-3)).graphBuilder()
                .addInputs("in")
                .addLayer("conv", new ConvolutionLayer.Builder(3, 3).nOut(2).build(), "in")
                .addLayer("out", new OutputLayer.Builder().nOut(3).activation(Activation.SOFTMAX).build(), "conv")
                .setOutputs("out")
                .setInputTypes(InputType.convolutional(8, 8, 1))
                .build());
        graph.init();
        INDArray input = randomBatch(4).getFeatures();
        Path file = directory.resolve("graph.zip");

        ModelIO.save(graph, METADATA, file, true);
        LoadedModel<ComputationGraph> loaded = ModelIO.loadComputationGraph(file);

        assertThat(loaded.model().outputSingle(input)).isEqualTo(graph.outputSingle(input));
        assertThat(loaded.metadata()).isEqualTo(METADATA);
        assertThatThrownBy(() -> ModelIO.loadMultiLayerNetwork(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("holds a ComputationGraph, not a MultiLayerNetwork")
                .hasMessageContaining("ModelIO.loadComputationGraph");
    }

    @Test
    void saysWhichLoaderAMultiLayerNetworkNeeds() throws IOException {
        Path file = directory.resolve("tiny.zip");
        ModelIO.save(tinyNetwork(), METADATA, file, false);
        assertThatThrownBy(() -> ModelIO.loadComputationGraph(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("holds a MultiLayerNetwork, not a ComputationGraph");
    }

    @Test
    void theFileStaysAPlainDl4jModel() throws IOException {
        MultiLayerNetwork network = tinyNetwork();
        Path file = directory.resolve("plain.zip");
        ModelIO.save(network, METADATA, file, false);

        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file.toFile());

        assertThat(restored.params()).isEqualTo(network.params());
        assertThat(ModelSerializer.listObjectsInFile(file.toFile())).isEmpty();
    }

    @Test
    void readsMetadataAloneAsJson() throws IOException {
        Path file = directory.resolve("tiny.zip");
        ModelIO.save(tinyNetwork(), METADATA, file, false);

        assertThat(ModelIO.readMetadata(file)).isEqualTo(METADATA);
        try (FileSystem zip = FileSystems.newFileSystem(file)) {
            String json = Files.readString(zip.getPath(ModelIO.METADATA_ENTRY));
            assertThat(json).contains("\"architecture\" : \"TinyNet\"", "\"channelOrder\" : \"GRAY\"",
                    "\"created\" : \"2024-05-01T10:15:30Z\"", "\"labels\" : [ \"cat\", \"dog\", \"bird\" ]",
                    "\"scale\" : " + 1 / 255.0, "\"mean\" : [ 0.0 ]", "\"std\" : [ 1.0 ]");
            assertThat(json).doesNotContain("tensorFormat");
        }
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
        Path file = directory.resolve("model.zip");
        Files.writeString(file, "old content");

        ModelIO.save(tinyNetwork(), METADATA, file, true);

        assertThat(ModelIO.readMetadata(file)).isEqualTo(METADATA);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void refusesAModelWithoutCvkitMetadata() throws IOException {
        Path file = directory.resolve("foreign.zip");
        ModelSerializer.writeModel(tinyNetwork(), file.toFile(), false);

        assertThatThrownBy(() -> ModelIO.loadMultiLayerNetwork(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("has no cvkit metadata (zip entry cvkit-metadata.json)")
                .hasMessageContaining("ModelIO.save");
    }

    @Test
    void refusesAFileThatIsNotAZip() throws IOException {
        Path file = Files.writeString(directory.resolve("notes.zip"), "these are not weights");
        assertThatThrownBy(() -> ModelIO.loadMultiLayerNetwork(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("is not a readable zip file");
    }

    @Test
    void refusesATruncatedModel() throws IOException {
        Path file = directory.resolve("model.zip");
        ModelIO.save(tinyNetwork(), METADATA, file, false);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> ModelIO.loadMultiLayerNetwork(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("is not a readable zip file")
                .hasMessageContaining("truncated");
    }

    @Test
    void refusesDamagedMetadata() throws IOException {
        Path file = directory.resolve("model.zip");
        ModelIO.save(tinyNetwork(), METADATA, file, false);
        try (FileSystem zip = FileSystems.newFileSystem(file)) {
            Files.writeString(zip.getPath(ModelIO.METADATA_ENTRY), "{\"architecture\": \"\"}",
                    StandardCharsets.UTF_8);
        }
        assertThatThrownBy(() -> ModelIO.readMetadata(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("has unreadable metadata");
    }

    @Test
    void refusesAMissingFile() {
        Path file = directory.resolve("absent.zip");
        assertThatThrownBy(() -> ModelIO.loadMultiLayerNetwork(file))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("absent.zip");
    }
}
