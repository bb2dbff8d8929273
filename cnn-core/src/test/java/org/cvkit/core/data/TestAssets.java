package org.cvkit.core.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the offline asset mirror for tests: the {@code CVKIT_MIRROR} environment variable, else the
 * {@code cvkit.mirror} system property, else {@code ../../shared/assets} relative to the module directory.
 * Tests that need an asset are skipped when it is absent.
 */
public final class TestAssets {

    private TestAssets() {
    }

    /** @return the mirror directory (which may not exist) */
    public static Path mirror() {
        String configured = System.getenv("CVKIT_MIRROR");
        if (configured == null || configured.isBlank()) {
            configured = System.getProperty("cvkit.mirror", "../../shared/assets");
        }
        return Path.of(configured).toAbsolutePath().normalize();
    }

    /** @return the Fashion-MNIST directory of the mirror; skips the calling test if its files are missing */
    public static Path fashionMnistOrSkip() {
        Path directory = mirror().resolve("fashion-mnist");
        for (FashionMnist.Split split : FashionMnist.Split.values()) {
            assumeTrue(Files.isRegularFile(directory.resolve(split.imagesFile()))
                            && Files.isRegularFile(directory.resolve(split.labelsFile())),
                    "Fashion-MNIST " + split + " files not found in " + directory
                            + "; set CVKIT_MIRROR or -Dcvkit.mirror to the asset mirror");
        }
        return directory;
    }
}
