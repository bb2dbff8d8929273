package org.cvkit.zoo;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.cvkit.zoo.asset.AssetRegistry;
import org.cvkit.zoo.asset.AssetStore;
import org.cvkit.zoo.asset.ZooLocations;

/**
 * The real asset mirror for tests: the folder configured by {@code CVKIT_MIRROR} / {@code -Dcvkit.mirror}, or else
 * the project's {@code ../shared/assets} when it exists, and the reference outputs in {@code ../shared/references}.
 * Tests that need them are skipped when they do not exist.
 */
public final class SharedAssets {

    private static final Path PROJECT_MIRROR = Path.of("..", "..", "shared", "assets");
    private static final Path PROJECT_REFERENCES = Path.of("..", "..", "shared", "references");

    private SharedAssets() {
    }

    /** @return the mirror folder (the test is skipped if there is none) */
    public static Path mirror() {
        Optional<Path> mirror = ZooLocations.fromEnvironment().mirror()
                .or(() -> Optional.of(PROJECT_MIRROR.toAbsolutePath().normalize()).filter(Files::isDirectory));
        assumeTrue(mirror.isPresent(), "no asset mirror: set CVKIT_MIRROR to a copy of shared/assets");
        return mirror.get();
    }

    /**
     * @param file a file below the project's {@code ../shared/references}
     * @return that file (the test is skipped if it does not exist)
     */
    public static Path reference(String file) {
        Path reference = PROJECT_REFERENCES.resolve(file).toAbsolutePath().normalize();
        assumeTrue(Files.isRegularFile(reference), "no reference file " + reference);
        return reference;
    }

    /** @return the shipped registry over the user's cache and the {@link #mirror()}, without progress bars */
    public static AssetStore store() {
        ZooLocations environment = ZooLocations.fromEnvironment();
        return AssetStore.builder(AssetRegistry.defaults(), new ZooLocations(environment.cache(),
                Optional.of(mirror()))).optProgress(false).build();
    }

    /**
     * @param assetName a registered asset
     * @return its verified local file
     */
    public static Path resolve(String assetName) {
        return store().resolve(assetName);
    }
}
