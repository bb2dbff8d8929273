package org.cvkit.apps;

import java.nio.file.Path;
import java.util.Optional;
import org.cvkit.zoo.asset.AssetRegistry;
import org.cvkit.zoo.asset.AssetStore;
import org.cvkit.zoo.asset.ZooLocations;
import picocli.CommandLine.Option;

/** The zoo's cache and mirror folders: options of every sub-command that needs assets, defaulting to the environment's. */
public final class StoreOptions {

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Download cache (default: -Dcvkit.cache, $CVKIT_CACHE, else $XDG_CACHE_HOME/cvkit or"
                    + " ~/.cache/cvkit).")
    Path cache;

    @Option(names = "--mirror", paramLabel = "DIR",
            description = "Offline mirror laid out like shared/assets (default: -Dcvkit.mirror or $CVKIT_MIRROR).")
    Path mirror;

    /** @return the shipped registry over the chosen cache and mirror */
    public AssetStore store() {
        ZooLocations environment = ZooLocations.fromEnvironment();
        return AssetStore.builder(AssetRegistry.defaults(), new ZooLocations(
                cache == null ? environment.cache() : cache,
                mirror == null ? environment.mirror() : Optional.of(mirror))).build();
    }
}
