package org.cvkit.zoo.asset;

import java.util.List;
import java.util.Objects;

/**
 * Assets that belong together, such as a Darknet cfg, its weights and its class names.
 *
 * @param name        unique name among assets and bundles, for example {@code yolo-fastest-xl}
 * @param description one line saying what the files are
 * @param assetNames  names of the member assets, in a useful order, at least one, no duplicates
 */
public record Bundle(String name, String description, List<String> assetNames) {

    /** Validates the components and copies the member list. */
    public Bundle {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        assetNames = List.copyOf(assetNames);
        if (name.isBlank() || assetNames.isEmpty()) {
            throw new IllegalArgumentException("bundle '" + name + "' needs a name and at least one asset");
        }
        if (assetNames.stream().distinct().count() != assetNames.size()) {
            throw new IllegalArgumentException("bundle " + name + " lists an asset twice: " + assetNames);
        }
    }
}
