package org.cvkit.zoo.asset;

/**
 * An asset cannot be provided: it is unknown, absent and cannot be downloaded, or its bytes fail verification.
 *
 * <p>The message is one line a user can act on: it names the asset, where the file came from or where it was
 * looked for, and what to do about it. Command lines print it as it is.
 */
public class AssetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message one human-readable line
     */
    public AssetException(String message) {
        super(message);
    }

    /**
     * @param message one human-readable line
     * @param cause   the low-level failure behind it
     */
    public AssetException(String message, Throwable cause) {
        super(message, cause);
    }
}
