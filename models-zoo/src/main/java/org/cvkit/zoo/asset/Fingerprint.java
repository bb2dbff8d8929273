package org.cvkit.zoo.asset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The size and SHA-256 of some bytes, compared against what an {@link Asset} expects.
 *
 * @param bytes  number of bytes
 * @param sha256 lower-case hex SHA-256
 */
record Fingerprint(long bytes, String sha256) {

    private static final int BUFFER_BYTES = 1 << 16;

    /** @return a fresh SHA-256 digest */
    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }

    /**
     * @param bytes  number of bytes digested
     * @param digest the digest that saw exactly those bytes
     * @return the fingerprint
     */
    static Fingerprint of(long bytes, MessageDigest digest) {
        return new Fingerprint(bytes, HexFormat.of().formatHex(digest.digest()));
    }

    /**
     * @param file a regular file
     * @return its size and SHA-256
     * @throws IOException if it cannot be read
     */
    static Fingerprint of(Path file) throws IOException {
        MessageDigest digest = newDigest();
        long total = 0;
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                total += n;
            }
        }
        return of(total, digest);
    }

    /**
     * @param asset the expected asset
     * @return true if the size matches and, when a SHA-256 is pinned, the digest matches too
     */
    boolean matches(Asset asset) {
        return bytes == asset.bytes() && asset.sha256().map(sha256::equals).orElse(true);
    }

    /**
     * One line saying what was expected and what was found.
     *
     * @param asset the expected asset
     * @param where where the bytes came from, for example "mirror /srv/assets/yolo/coco.names"
     * @return "asset NAME from WHERE failed verification: expected ..., got ..."
     */
    String mismatch(Asset asset, String where) {
        String expected = asset.sha256()
                .map(hex -> String.format(Locale.ROOT, "%,d bytes with SHA-256 %s", asset.bytes(), hex))
                .orElseGet(() -> String.format(Locale.ROOT, "%,d bytes (size-checked only, no SHA-256 pinned)",
                        asset.bytes()));
        return String.format(Locale.ROOT, "asset %s from %s failed verification: expected %s, got %,d bytes with"
                + " SHA-256 %s", asset.name(), where, expected, bytes, sha256);
    }
}
