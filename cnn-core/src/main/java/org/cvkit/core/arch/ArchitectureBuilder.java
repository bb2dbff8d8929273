package org.cvkit.core.arch;

import java.util.Objects;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The training settings every architecture builder shares: the seed of the weight initialization and the
 * optimizer.
 *
 * @param <B> the concrete builder, returned by the {@code opt*} methods for chaining
 * @param <C> the configuration the builder makes
 */
public abstract class ArchitectureBuilder<B extends ArchitectureBuilder<B, C>, C> {

    /** Seed of the weight initialization unless {@link #optSeed(long)} sets another. */
    public static final long DEFAULT_SEED = 42;

    private long seed = DEFAULT_SEED;
    private IUpdater updater = new Adam(1e-3);

    /** Only the builders of this package extend this class. */
    ArchitectureBuilder() {
    }

    /**
     * @param value seed of the weight initialization (default {@link #DEFAULT_SEED})
     * @return this builder
     */
    public B optSeed(long value) {
        this.seed = value;
        return self();
    }

    /**
     * @param value the optimizer (default Adam with learning rate 1e-3)
     * @return this builder
     */
    public B optUpdater(IUpdater value) {
        this.updater = Objects.requireNonNull(value, "updater must not be null; pass for example new Adam(1e-3)");
        return self();
    }

    /**
     * @return the network configuration
     * @throws IllegalArgumentException if the settings do not describe a valid network; the message says which
     */
    public abstract C build();

    /** @return the seed set with {@link #optSeed(long)} */
    long seed() {
        return seed;
    }

    /** @return the updater set with {@link #optUpdater(IUpdater)} */
    IUpdater updater() {
        return updater;
    }

    @SuppressWarnings("unchecked")
    B self() {
        return (B) this;
    }
}
