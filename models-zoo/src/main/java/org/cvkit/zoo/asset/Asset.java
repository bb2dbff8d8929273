package org.cvkit.zoo.asset;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One downloadable file: its name, where it lives below a cache or mirror root, how big it is, its SHA-256 when
 * one is pinned, its canonical URL and its licence.
 *
 * @param name    unique name, for example {@code yolo-fastest-1.1-xl.weights}; no whitespace or slashes
 * @param path    location below a cache or mirror root, for example {@code yolo/yolo-fastest-1.1-xl.weights};
 *                relative, with forward slashes and without {@code .} or {@code ..} segments
 * @param bytes   exact file size, positive
 * @param sha256  lower-case hex SHA-256 of the file, or empty when none is pinned yet (the file is then
 *                size-checked only)
 * @param url     canonical download URL (http or https)
 * @param license licence under which the file is distributed
 */
public record Asset(String name, String path, long bytes, Optional<String> sha256, URI url, String license) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_+-][A-Za-z0-9._+-]*");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Validates every component; see the component descriptions for the rules. */
    public Asset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256 (use Optional.empty() when none is pinned)");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(license, "license");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("asset name '" + name
                    + "' must start with a letter or digit and hold only letters, digits, '.', '_', '+' or '-'");
        }
        for (String segment : path.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("asset path '" + path + "' of " + name
                        + " must be relative, use '/' between non-empty segments and not contain '.' or '..'"
                        + " segments, for example yolo/coco.names");
            }
        }
        if (bytes <= 0) {
            throw new IllegalArgumentException("asset " + name + " must have a positive size but has " + bytes);
        }
        sha256.ifPresent(hex -> {
            if (!SHA256.matcher(hex).matches()) {
                throw new IllegalArgumentException("SHA-256 of asset " + name
                        + " must be 64 lower-case hex digits but is '" + hex + "'");
            }
        });
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || url.getHost() == null) {
            throw new IllegalArgumentException("URL of asset " + name + " must be an absolute http(s) URL but is "
                    + url);
        }
        if (license.isBlank()) {
            throw new IllegalArgumentException("asset " + name + " must name its licence");
        }
    }

    /** @return true when a SHA-256 is pinned, false when the file is size-checked only */
    public boolean isSha256Pinned() {
        return sha256.isPresent();
    }

    /** @return how a copy is checked: "SHA-256 pinned" or "size-checked only (no SHA-256 pinned yet)" */
    public String integrityDescription() {
        return isSha256Pinned() ? "SHA-256 pinned" : "size-checked only (no SHA-256 pinned yet)";
    }
}
