package org.cvkit.zoo.asset;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The outcome of checking one copy of an asset against its registered size and SHA-256.
 *
 * @param asset    the asset checked
 * @param origin   where the copy is ({@link Origin#CACHE} or {@link Origin#MIRROR}); for {@link Status#ABSENT}
 *                 the cache, where a copy would go
 * @param location the file checked, or where it was expected
 * @param status   the outcome
 * @param message  one human-readable line describing the outcome
 */
public record VerificationResult(Asset asset, Origin origin, Path location, Status status, String message) {

    /** What a check found. */
    public enum Status {
        /** Size and SHA-256 match. */
        VERIFIED,
        /** The size matches; no SHA-256 is pinned for this asset, so the content was not checked. */
        SIZE_CHECKED_ONLY,
        /** Size or SHA-256 differ: the copy must not be used. */
        CORRUPT,
        /** No copy in the cache or the mirror. */
        ABSENT
    }

    /** Checks that no component is null. */
    public VerificationResult {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }

    /** @return true if the copy exists and failed verification */
    public boolean isCorrupt() {
        return status == Status.CORRUPT;
    }
}
