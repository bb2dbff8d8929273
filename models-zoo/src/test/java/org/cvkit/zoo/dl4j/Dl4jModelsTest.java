package org.cvkit.zoo.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.cvkit.core.image.Normalization;
import org.cvkit.core.io.LoadedModel;
import org.cvkit.core.io.ModelFileException;
import org.cvkit.core.io.ModelIO;
import org.cvkit.core.io.ModelMetadata;
import org.cvkit.zoo.SharedAssets;
import org.cvkit.zoo.asset.Asset;
import org.cvkit.zoo.asset.AssetException;
import org.cvkit.zoo.asset.AssetRegistry;
import org.cvkit.zoo.asset.AssetStore;
import org.cvkit.zoo.asset.ZooLocations;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class Dl4jModelsTest {

    private static final ModelMetadata METADATA = new ModelMetadata("TinyLogistic",
            new ModelMetadata.InputShape(2, 2, 1), ModelMetadata.GRAY, Normalization.UNIT, List.of("no", "yes"),
            new ModelMetadata.Provenance(7, "none", 0, Instant.parse("2024-01-01T00:00:00Z"), "test"));

    @TempDir
    Path folder;

    private MultiLayerNetwork network;
    private Path saved;

    @BeforeEach
    void saveATinyNetwork() throws IOException {
        network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(7).list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(4).nOut(2)
                        .activation(Activation.SOFTMAX).build())
                .build());
        network.init();
        saved = folder.resolve("trained.zip");
        ModelIO.save(network, METADATA, saved, false);
    }

    @Test
    void loadsATrainedModelByPath() throws IOException {
        Dl4jModels models = new Dl4jModels(store(AssetRegistry.of(List.of(), List.of()), Optional.empty()));

        LoadedModel<MultiLayerNetwork> loaded = models.loadMultiLayerNetwork(saved.toString());

        assertThat(loaded.metadata()).isEqualTo(METADATA);
        assertThat(loaded.model().params()).isEqualTo(network.params());
        assertThat(models.locate(saved.toString())).isEqualTo(saved);
    }

    @Test
    void loadsARegisteredModelThroughTheStore() throws IOException, NoSuchAlgorithmException {
        Path mirror = Files.createDirectories(folder.resolve("mirror"));
        Files.createDirectories(mirror.resolve("models"));
        Path mirrored = Files.copy(saved, mirror.resolve("models/tiny-logistic.zip"));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(saved)));
        Asset asset = new Asset("tiny-logistic.zip", "models/tiny-logistic.zip", Files.size(saved), Optional.of(sha),
                URI.create("https://example.org/tiny-logistic.zip"), "MIT");
        Dl4jModels models = new Dl4jModels(store(AssetRegistry.of(List.of(asset), List.of()), Optional.of(mirror)));

        assertThat(models.locate("tiny-logistic.zip")).isEqualTo(mirrored);
        assertThat(models.readMetadata("tiny-logistic.zip")).isEqualTo(METADATA);
        assertThat(models.loadMultiLayerNetwork("tiny-logistic.zip").model().params()).isEqualTo(network.params());
        assertThatThrownBy(() -> models.loadComputationGraph("tiny-logistic.zip"))
                .isInstanceOf(ModelFileException.class).hasMessageContaining("loadMultiLayerNetwork");
    }

    @Test
    void namesThatAreNeitherAssetsNorFilesFail() {
        Dl4jModels models = new Dl4jModels(store(AssetRegistry.of(List.of(), List.of()), Optional.empty()));

        assertThatThrownBy(() -> models.locate("lenet.zip")).isInstanceOf(AssetException.class)
                .hasMessage("'lenet.zip' is neither a registered asset nor an existing model file");
        assertThatThrownBy(() -> models.locate(folder.toString())).isInstanceOf(AssetException.class)
                .hasMessageContaining("is neither a registered asset nor an existing model file");
    }

    @Test
    void registeredFilesThatAreNotModelsAreReportedByModelIo() {
        Dl4jModels models = new Dl4jModels(SharedAssets.store());

        assertThatThrownBy(() -> models.readMetadata("coco.names")).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("coco.names").hasMessageContaining("is not a readable zip file");
    }

    private AssetStore store(AssetRegistry registry, Optional<Path> mirror) {
        return AssetStore.builder(registry, new ZooLocations(folder.resolve("cache"), mirror)).optProgress(false)
                .build();
    }
}
