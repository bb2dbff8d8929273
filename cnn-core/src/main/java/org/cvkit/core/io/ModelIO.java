package org.cvkit.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/**
 * Saves and loads networks with their {@link ModelMetadata}.
 *
 * <p>A model file is a regular DL4J model zip written by {@link ModelSerializer} (configuration, parameters and,
 * optionally, the updater state so training can resume) with one more entry, {@value #METADATA_ENTRY}, holding the
 * metadata as JSON. DL4J tools read the file as usual and ignore the extra entry. Files are written to a temporary
 * file first and moved into place atomically, so an interrupted save never leaves a half-written model.
 */
public final class ModelIO {

    /** Name of the zip entry that holds the metadata. */
    public static final String METADATA_ENTRY = "cvkit-metadata.json";

    private static final String CONFIGURATION_ENTRY = ModelSerializer.CONFIGURATION_JSON;
    private static final ObjectMapper CONFIGURATION_READER = new ObjectMapper();

    private ModelIO() {
    }

    /**
     * Saves a multi-layer network with its metadata.
     *
     * @param network             the network
     * @param metadata            what to store with it
     * @param target              the model file to write (conventionally {@code .zip}); replaced if it exists
     * @param includeUpdaterState whether to store the optimizer's state (needed to resume training, not to predict)
     * @throws IOException if the file cannot be written
     */
    public static void save(MultiLayerNetwork network, ModelMetadata metadata, Path target,
                            boolean includeUpdaterState) throws IOException {
        write(network, metadata, target, includeUpdaterState);
    }

    /**
     * Saves a computation graph with its metadata.
     *
     * @param graph               the network
     * @param metadata            what to store with it
     * @param target              the model file to write; replaced if it exists
     * @param includeUpdaterState whether to store the optimizer's state
     * @throws IOException if the file cannot be written
     */
    public static void save(ComputationGraph graph, ModelMetadata metadata, Path target,
                            boolean includeUpdaterState) throws IOException {
        write(graph, metadata, target, includeUpdaterState);
    }

    /**
     * Loads a multi-layer network (with its updater state, if saved) and its metadata.
     *
     * @param file the model file
     * @return the network and its metadata
     * @throws NoSuchFileException if the file does not exist
     * @throws ModelFileException  if the file is not a cvkit model file or holds a computation graph
     * @throws IOException         if reading fails
     */
    public static LoadedModel<MultiLayerNetwork> loadMultiLayerNetwork(Path file) throws IOException {
        ModelMetadata metadata = readMetadata(file);
        requireKind(file, Kind.MULTI_LAYER_NETWORK);
        MultiLayerNetwork network = restore(file, () -> ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true));
        return new LoadedModel<>(network, metadata);
    }

    /**
     * Loads a computation graph (with its updater state, if saved) and its metadata.
     *
     * @param file the model file
     * @return the network and its metadata
     * @throws NoSuchFileException if the file does not exist
     * @throws ModelFileException  if the file is not a cvkit model file or holds a multi-layer network
     * @throws IOException         if reading fails
     */
    public static LoadedModel<ComputationGraph> loadComputationGraph(Path file) throws IOException {
        ModelMetadata metadata = readMetadata(file);
        requireKind(file, Kind.COMPUTATION_GRAPH);
        ComputationGraph graph = restore(file, () -> ModelSerializer.restoreComputationGraph(file.toFile(), true));
        return new LoadedModel<>(graph, metadata);
    }

    /**
     * Reads only the metadata of a model file, without loading the weights.
     *
     * @param file the model file
     * @return its metadata
     * @throws NoSuchFileException if the file does not exist
     * @throws ModelFileException  if the file is not a zip, is damaged, or has no valid cvkit metadata
     * @throws IOException         if reading fails
     */
    public static ModelMetadata readMetadata(Path file) throws IOException {
        byte[] json = readEntry(file, METADATA_ENTRY, "has no cvkit metadata (zip entry " + METADATA_ENTRY
                + "); it was not written by ModelIO.save. Save the network with ModelIO.save to add metadata");
        try {
            return MetadataJson.read(json);
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelFileException(file, "has unreadable metadata in " + METADATA_ENTRY + ": " + e.getMessage(),
                    e);
        }
    }

    private static void write(Model model, ModelMetadata metadata, Path target, boolean includeUpdaterState)
            throws IOException {
        Objects.requireNonNull(model, "model");
        byte[] json = MetadataJson.write(Objects.requireNonNull(metadata, "metadata"));
        AtomicFiles.write(target, temporary -> {
            ModelSerializer.writeModel(model, temporary.toFile(), includeUpdaterState);
            try (FileSystem zip = FileSystems.newFileSystem(temporary)) {
                Files.write(zip.getPath(METADATA_ENTRY), json);
            }
        });
    }

    private static byte[] readEntry(Path file, String entryName, String missingProblem) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such model file");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null) {
                throw new ModelFileException(file, missingProblem, null);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return in.readAllBytes();
            }
        } catch (ZipException e) {
            throw new ModelFileException(file, "is not a readable zip file (" + e.getMessage()
                    + "); it may be truncated or not a model at all", e);
        }
    }

    private static void requireKind(Path file, Kind expected) throws IOException {
        byte[] configuration = readEntry(file, CONFIGURATION_ENTRY,
                "has no network configuration (zip entry " + CONFIGURATION_ENTRY + ")");
        JsonNode root;
        try {
            root = CONFIGURATION_READER.readTree(configuration);
        } catch (IOException e) {
            throw new ModelFileException(file, "has an unreadable network configuration: " + e.getMessage(), e);
        }
        Kind actual = root.has("vertices") ? Kind.COMPUTATION_GRAPH
                : root.has("confs") ? Kind.MULTI_LAYER_NETWORK : null;
        if (actual == null) {
            throw new ModelFileException(file, "has a network configuration that is neither a MultiLayerNetwork"
                    + " nor a ComputationGraph", null);
        }
        if (actual != expected) {
            throw new ModelFileException(file, "holds " + actual.description + ", not " + expected.description
                    + "; load it with ModelIO." + actual.loader, null);
        }
    }

    @FunctionalInterface
    private interface Restorer<M extends Model> {
        M restore() throws IOException;
    }

    private static <M extends Model> M restore(Path file, Restorer<M> restorer) throws IOException {
        try {
            return restorer.restore();
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(file, "cannot be restored by DL4J: " + e, e);
        }
    }

    private enum Kind {
        MULTI_LAYER_NETWORK("a MultiLayerNetwork", "loadMultiLayerNetwork"),
        COMPUTATION_GRAPH("a ComputationGraph", "loadComputationGraph");

        private final String description;
        private final String loader;

        Kind(String description, String loader) {
            this.description = description;
            this.loader = loader;
        }
    }
}
