package org.cvkit.zoo.dl4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import org.cvkit.core.io.LoadedModel;
import org.cvkit.core.io.ModelIO;
import org.cvkit.core.io.ModelMetadata;
import org.cvkit.zoo.asset.AssetException;
import org.cvkit.zoo.asset.AssetStore;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Loads DL4J model zips written by {@link ModelIO#save}, named either by a registered asset (resolved, verified and
 * if need be downloaded by the {@link AssetStore}) or by a path to a trained model file.
 *
 * <p>A registered asset name wins over a file of the same name in the working directory. Reading the zip and its
 * cvkit metadata is {@link ModelIO}'s job; this class only finds the file.
 */
public final class Dl4jModels {

    private final AssetStore store;

    /**
     * @param store where registered model files come from
     */
    public Dl4jModels(AssetStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * @param assetOrPath a registered asset name, or the path of a model file
     * @return the verified asset file, or the existing file at that path
     * @throws AssetException if the name is not registered and no such file exists, or the asset cannot be
     *                        provided
     */
    public Path locate(String assetOrPath) {
        if (store.registry().findAsset(assetOrPath).isPresent()) {
            return store.resolve(assetOrPath);
        }
        try {
            Path file = Path.of(assetOrPath);
            if (Files.isRegularFile(file)) {
                return file;
            }
        } catch (InvalidPathException e) {
            // not a usable path either: reported below
        }
        throw new AssetException("'" + assetOrPath + "' is neither a registered asset nor an existing model file");
    }

    /**
     * @param assetOrPath a registered asset name, or the path of a model file
     * @return the multi-layer network and its metadata
     * @throws AssetException if the file cannot be found or provided
     * @throws IOException    if {@link ModelIO#loadMultiLayerNetwork} cannot load it
     */
    public LoadedModel<MultiLayerNetwork> loadMultiLayerNetwork(String assetOrPath) throws IOException {
        return ModelIO.loadMultiLayerNetwork(locate(assetOrPath));
    }

    /**
     * @param assetOrPath a registered asset name, or the path of a model file
     * @return the computation graph and its metadata
     * @throws AssetException if the file cannot be found or provided
     * @throws IOException    if {@link ModelIO#loadComputationGraph} cannot load it
     */
    public LoadedModel<ComputationGraph> loadComputationGraph(String assetOrPath) throws IOException {
        return ModelIO.loadComputationGraph(locate(assetOrPath));
    }

    /**
     * @param assetOrPath a registered asset name, or the path of a model file
     * @return the model's metadata, read without loading its weights
     * @throws AssetException if the file cannot be found or provided
     * @throws IOException    if {@link ModelIO#readMetadata} cannot read it
     */
    public ModelMetadata readMetadata(String assetOrPath) throws IOException {
        return ModelIO.readMetadata(locate(assetOrPath));
    }
}
