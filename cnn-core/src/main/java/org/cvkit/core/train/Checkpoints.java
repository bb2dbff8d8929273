package org.cvkit.core.train;

import java.nio.file.Path;
import java.util.Objects;

import org.cvkit.core.io.ModelIO;
import org.cvkit.core.io.ModelMetadata;

/**
 * Where and how often the trainer saves the network (with its updater state, so training can resume) through
 * {@link ModelIO}: after every {@code every}-th epoch, to {@code checkpoint-epoch-NNNN.zip} in {@code directory}.
 *
 * @param directory the directory to write to; created if missing
 * @param every     the interval in epochs, positive
 * @param metadata  the metadata to store; its epoch count is set to the checkpoint's epoch
 */
public record Checkpoints(Path directory, int every, ModelMetadata metadata) {

    /** Validates the settings. */
    public Checkpoints {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(metadata, "metadata");
        if (every < 1) {
            throw new IllegalArgumentException("checkpoint interval must be at least 1 epoch but is " + every);
        }
    }

    /**
     * @param epoch an epoch, counted from 1
     * @return the checkpoint file of that epoch
     */
    public Path file(int epoch) {
        return directory.resolve(String.format("checkpoint-epoch-%04d.zip", epoch));
    }

    /**
     * @param epoch an epoch, counted from 1
     * @return whether a checkpoint is due after it
     */
    boolean isDue(int epoch) {
        return epoch % every == 0;
    }
}
