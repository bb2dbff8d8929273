package org.cvkit.core.io;

import java.util.Objects;

import org.deeplearning4j.nn.api.Model;

/**
 * A network read back by {@link ModelIO} together with its metadata.
 *
 * @param model    the restored network, ready to use
 * @param metadata what the network expects and how it was made
 * @param <M>      the kind of network ({@code MultiLayerNetwork} or {@code ComputationGraph})
 */
public record LoadedModel<M extends Model>(M model, ModelMetadata metadata) {

    /** Validates that both parts are present. */
    public LoadedModel {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(metadata, "metadata");
    }
}
