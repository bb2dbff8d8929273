package org.cvkit.zoo.asset;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns asset names into verified local files.
 *
 * <p>{@link #resolve(String)} looks in this order: the user cache, the mirror (when one is configured), then the
 * asset's canonical URL. Whatever it returns matches the registered size and, when one is pinned, SHA-256.
 * Downloads land in the cache. A corrupt cached copy is deleted; a corrupt mirror copy is left alone (the mirror
 * is read-only). Every failure is an {@link AssetException} with a one-line message.
 */
public final class AssetStore {

    private static final Logger LOG = LoggerFactory.getLogger(AssetStore.class);

    private final AssetRegistry registry;
    private final ZooLocations locations;
    private final Optional<URI> downloadBase;
    private final HttpDownloader downloader;

    private AssetStore(Builder builder) {
        this.registry = builder.registry;
        this.locations = builder.locations;
        this.downloadBase = builder.downloadBase;
        this.downloader = new HttpDownloader(builder.timeout, builder.progress);
        locations.mirror().filter(dir -> !Files.isDirectory(dir)).ifPresent(dir -> {
            throw new AssetException("the mirror folder " + dir + " does not exist; fix or unset "
                    + ZooLocations.MIRROR_VARIABLE + " / -D" + ZooLocations.MIRROR_PROPERTY);
        });
    }

    /**
     * The shipped registry with the cache and mirror configured by system properties and environment variables
     * (see {@link ZooLocations#fromEnvironment()}).
     *
     * @return the store
     * @throws AssetException if a configured mirror folder does not exist
     */
    public static AssetStore fromEnvironment() {
        return builder(AssetRegistry.defaults(), ZooLocations.fromEnvironment()).build();
    }

    /**
     * @param registry  the assets this store knows
     * @param locations cache and optional mirror folders
     * @return a builder for optional settings
     */
    public static Builder builder(AssetRegistry registry, ZooLocations locations) {
        return new Builder(registry, locations);
    }

    /** @return the assets this store knows */
    public AssetRegistry registry() {
        return registry;
    }

    /** @return the cache and mirror folders */
    public ZooLocations locations() {
        return locations;
    }

    /**
     * A verified local copy of an asset, downloaded into the cache if neither the cache nor the mirror has one.
     *
     * @param assetName an asset name (not a bundle)
     * @return the file: in the cache or in the mirror
     * @throws AssetException if the name is unknown, a copy is corrupt, or the download fails (the message then
     *                        names the URL and the path where the file can be placed by hand)
     */
    public Path resolve(String assetName) {
        Asset asset = registry.asset(assetName);
        Path cached = cachePath(asset);
        if (Files.isRegularFile(cached)) {
            VerificationResult check = check(asset, Origin.CACHE, cached);
            if (check.isCorrupt()) {
                deleteCorruptCopy(cached);
                throw new AssetException(check.message()
                        + "; the cached copy was deleted, so the next attempt fetches a fresh one");
            }
            return used(check);
        }
        Optional<Path> mirrored = mirrorPath(asset).filter(Files::isRegularFile);
        if (mirrored.isPresent()) {
            VerificationResult check = check(asset, Origin.MIRROR, mirrored.get());
            if (check.isCorrupt()) {
                throw new AssetException(check.message() + "; replace that mirror file with a good copy");
            }
            return used(check);
        }
        downloader.download(asset, downloadUri(asset), cached);
        return cached;
    }

    /**
     * Resolves an asset, or every member of a bundle.
     *
     * @param assetOrBundle an asset or bundle name
     * @return asset name to verified local file, in bundle order
     * @throws AssetException as {@link #resolve(String)} does, for the first member that fails
     */
    public Map<String, Path> resolveAll(String assetOrBundle) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (Asset asset : registry.expand(assetOrBundle)) {
            files.put(asset.name(), resolve(asset.name()));
        }
        return files;
    }

    /**
     * Checks every copy the store can reach without the network (cache and mirror), without changing anything.
     *
     * @param names asset or bundle names; empty means every registered asset
     * @return per asset one result per copy found, or one {@link VerificationResult.Status#ABSENT} result
     * @throws AssetException if a name is unknown or a copy cannot be read
     */
    public List<VerificationResult> verify(Collection<String> names) {
        Set<Asset> assets = new LinkedHashSet<>();
        if (names.isEmpty()) {
            assets.addAll(registry.assets());
        }
        names.forEach(name -> assets.addAll(registry.expand(name)));
        List<VerificationResult> results = new ArrayList<>();
        for (Asset asset : assets) {
            int before = results.size();
            Path cached = cachePath(asset);
            if (Files.isRegularFile(cached)) {
                results.add(check(asset, Origin.CACHE, cached));
            }
            mirrorPath(asset).filter(Files::isRegularFile)
                    .ifPresent(mirrored -> results.add(check(asset, Origin.MIRROR, mirrored)));
            if (results.size() == before) {
                results.add(new VerificationResult(asset, Origin.CACHE, cached, VerificationResult.Status.ABSENT,
                        asset.name() + " is in neither the cache (" + cached + ") nor "
                                + mirrorPath(asset).map(path -> "the mirror (" + path + ")")
                                        .orElse("a mirror (none configured)")));
            }
        }
        return results;
    }

    /**
     * @param asset a registered asset
     * @return where the cache keeps (or would keep) it
     */
    public Path cachePath(Asset asset) {
        return locations.cache().resolve(asset.path());
    }

    /**
     * @param asset a registered asset
     * @return where the mirror would hold it, if a mirror is configured
     */
    public Optional<Path> mirrorPath(Asset asset) {
        return locations.mirror().map(dir -> dir.resolve(asset.path()));
    }

    /**
     * @param asset a registered asset
     * @return its canonical URL, or the same host and path below the configured download base
     */
    public URI downloadUri(Asset asset) {
        return downloadBase.map(base -> base.resolve(asset.url().getHost() + asset.url().getRawPath()))
                .orElse(asset.url());
    }

    private static VerificationResult check(Asset asset, Origin origin, Path file) {
        Fingerprint found;
        try {
            found = Fingerprint.of(file);
        } catch (IOException e) {
            throw new AssetException("cannot read the " + origin.label() + " copy of " + asset.name() + " at "
                    + file + ": " + e.getMessage(), e);
        }
        if (!found.matches(asset)) {
            return new VerificationResult(asset, origin, file, VerificationResult.Status.CORRUPT,
                    found.mismatch(asset, origin.label() + " " + file));
        }
        return asset.isSha256Pinned()
                ? new VerificationResult(asset, origin, file, VerificationResult.Status.VERIFIED,
                        String.format(Locale.ROOT, "%s in %s %s: %,d bytes, SHA-256 verified", asset.name(),
                                origin.label(), file, found.bytes()))
                : new VerificationResult(asset, origin, file, VerificationResult.Status.SIZE_CHECKED_ONLY,
                        String.format(Locale.ROOT, "%s in %s %s: %,d bytes as expected; size-checked only,"
                                + " no SHA-256 pinned yet", asset.name(), origin.label(), file, found.bytes()));
    }

    private static Path used(VerificationResult check) {
        if (check.status() == VerificationResult.Status.SIZE_CHECKED_ONLY) {
            LOG.info("{}", check.message());
        } else {
            LOG.debug("{}", check.message());
        }
        return check.location();
    }

    private static void deleteCorruptCopy(Path cached) {
        try {
            Files.deleteIfExists(cached);
        } catch (IOException e) {
            throw new AssetException("cannot delete the corrupt cached file " + cached + " (" + e.getMessage()
                    + "); delete it by hand", e);
        }
    }

    /** Optional settings of an {@link AssetStore}. */
    public static final class Builder {
        private final AssetRegistry registry;
        private final ZooLocations locations;
        private Optional<URI> downloadBase = Optional.empty();
        private Duration timeout = Duration.ofSeconds(30);
        private boolean progress = true;

        private Builder(AssetRegistry registry, ZooLocations locations) {
            this.registry = Objects.requireNonNull(registry, "registry");
            this.locations = Objects.requireNonNull(locations, "locations");
        }

        /**
         * Downloads from {@code base + host + path} of each canonical URL instead of the canonical URL itself,
         * for an HTTP mirror of the original servers (and for tests).
         *
         * @param base absolute http(s) URL, for example {@code http://127.0.0.1:8080/}
         * @return this builder
         */
        public Builder optDownloadBase(URI base) {
            String scheme = base.getScheme();
            if (!"http".equals(scheme) && !"https".equals(scheme) || base.getHost() == null) {
                throw new IllegalArgumentException("download base must be an absolute http(s) URL but is " + base);
            }
            this.downloadBase = Optional.of(base.toString().endsWith("/") ? base : URI.create(base + "/"));
            return this;
        }

        /**
         * @param timeout how long to wait for a connection and for response headers (default 30 s)
         * @return this builder
         */
        public Builder optTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive but is " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * @param progress whether downloads of 1 MiB or more draw a progress bar on standard error (default true)
         * @return this builder
         */
        public Builder optProgress(boolean progress) {
            this.progress = progress;
            return this;
        }

        /**
         * @return the store
         * @throws AssetException if a configured mirror folder does not exist
         */
        public AssetStore build() {
            return new AssetStore(this);
        }
    }
}
