package org.cvkit.zoo.asset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The named assets and bundles the toolkit knows, with their sizes, checksums, URLs and licences.
 *
 * <p>{@link #defaults()} is the registry shipped in this module's resource {@code assets.json}. Names are unique
 * across assets and bundles, so one name always means one thing.
 */
public final class AssetRegistry {

    private static final String RESOURCE = "assets.json";

    private final Map<String, Asset> assets;
    private final Map<String, Bundle> bundles;

    private AssetRegistry(List<Asset> assets, List<Bundle> bundles) {
        this.assets = new LinkedHashMap<>();
        this.bundles = new LinkedHashMap<>();
        Set<String> paths = new HashSet<>();
        for (Asset asset : assets) {
            if (this.assets.putIfAbsent(asset.name(), asset) != null) {
                throw new IllegalArgumentException("asset name " + asset.name() + " is registered twice");
            }
            if (!paths.add(asset.path())) {
                throw new IllegalArgumentException("asset path " + asset.path() + " is used by two assets");
            }
        }
        for (Bundle bundle : bundles) {
            if (this.assets.containsKey(bundle.name()) || this.bundles.putIfAbsent(bundle.name(), bundle) != null) {
                throw new IllegalArgumentException("bundle name " + bundle.name()
                        + " is already used by another asset or bundle");
            }
            for (String member : bundle.assetNames()) {
                if (!this.assets.containsKey(member)) {
                    throw new IllegalArgumentException("bundle " + bundle.name() + " lists unknown asset " + member);
                }
            }
        }
    }

    /**
     * A registry of the given assets and bundles.
     *
     * @param assets  assets with unique names and paths
     * @param bundles bundles whose names differ from every asset name and whose members are among {@code assets}
     * @return the registry
     * @throws IllegalArgumentException on duplicate names or paths, or bundles with unknown members
     */
    public static AssetRegistry of(List<Asset> assets, List<Bundle> bundles) {
        return new AssetRegistry(assets, bundles);
    }

    /** @return the registry shipped with this module */
    public static AssetRegistry defaults() {
        return Defaults.REGISTRY;
    }

    /**
     * Reads a registry in the JSON layout of the shipped resource: {@code {"assets": [{"name", "path", "bytes",
     * "sha256" (or null), "url", "license"}...], "bundles": [{"name", "description", "assets": [...]}...]}}.
     *
     * @param json the JSON document
     * @return the registry
     * @throws IOException              if the stream cannot be read or is not JSON
     * @throws IllegalArgumentException if an entry is missing a field or breaks an {@link Asset} rule
     */
    public static AssetRegistry fromJson(InputStream json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        List<Asset> assets = new ArrayList<>();
        for (JsonNode node : required(root, "assets", "registry")) {
            String name = required(node, "name", "asset").asText();
            JsonNode sha = node.get("sha256");
            assets.add(new Asset(name, required(node, "path", name).asText(),
                    required(node, "bytes", name).asLong(),
                    sha == null || sha.isNull() ? Optional.empty() : Optional.of(sha.asText()),
                    URI.create(required(node, "url", name).asText()), required(node, "license", name).asText()));
        }
        List<Bundle> bundles = new ArrayList<>();
        for (JsonNode node : root.path("bundles")) {
            String name = required(node, "name", "bundle").asText();
            List<String> members = new ArrayList<>();
            required(node, "assets", name).forEach(member -> members.add(member.asText()));
            bundles.add(new Bundle(name, required(node, "description", name).asText(), members));
        }
        return of(assets, bundles);
    }

    private static JsonNode required(JsonNode node, String field, String owner) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("asset registry entry " + owner + " lacks the field '" + field + "'");
        }
        return value;
    }

    /** @return every asset, in registry order */
    public List<Asset> assets() {
        return List.copyOf(assets.values());
    }

    /** @return every bundle, in registry order */
    public List<Bundle> bundles() {
        return List.copyOf(bundles.values());
    }

    /**
     * @param name an asset name
     * @return the asset, if one has that name
     */
    public Optional<Asset> findAsset(String name) {
        return Optional.ofNullable(assets.get(name));
    }

    /**
     * @param name an asset name
     * @return the asset
     * @throws AssetException if no asset has that name (the message says when the name is a bundle)
     */
    public Asset asset(String name) {
        Asset asset = assets.get(name);
        if (asset == null) {
            throw new AssetException(bundles.containsKey(name)
                    ? "'" + name + "' is a bundle of " + bundles.get(name).assetNames().size()
                            + " assets, not a single asset; resolve its members one by one or all at once"
                    : unknown(name));
        }
        return asset;
    }

    /**
     * @param name a bundle name
     * @return the bundle, if one has that name
     */
    public Optional<Bundle> findBundle(String name) {
        return Optional.ofNullable(bundles.get(name));
    }

    /**
     * The assets a name stands for: the asset itself, or the members of a bundle.
     *
     * @param assetOrBundle an asset or bundle name
     * @return one asset, or the bundle's members in bundle order
     * @throws AssetException if the name is neither an asset nor a bundle
     */
    public List<Asset> expand(String assetOrBundle) {
        Asset asset = assets.get(assetOrBundle);
        if (asset != null) {
            return List.of(asset);
        }
        Bundle bundle = bundles.get(assetOrBundle);
        if (bundle == null) {
            throw new AssetException(unknown(assetOrBundle));
        }
        return bundle.assetNames().stream().map(assets::get).toList();
    }

    /**
     * @param asset an asset of this registry
     * @return the names of the bundles that contain it, in registry order
     */
    public List<String> bundlesContaining(Asset asset) {
        return bundles.values().stream()
                .filter(bundle -> bundle.assetNames().contains(asset.name()))
                .map(Bundle::name)
                .toList();
    }

    private static String unknown(String name) {
        return "unknown asset or bundle '" + name + "': no such name is registered (`cvkit zoo list` shows them all)";
    }

    /** Loads the shipped registry once, on first use. */
    private static final class Defaults {
        static final AssetRegistry REGISTRY = load();

        private static AssetRegistry load() {
            try (InputStream json = AssetRegistry.class.getResourceAsStream(RESOURCE)) {
                if (json == null) {
                    throw new IllegalStateException("resource " + RESOURCE + " is missing from the models-zoo jar");
                }
                return fromJson(json);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the shipped asset registry " + RESOURCE, e);
            }
        }
    }
}
