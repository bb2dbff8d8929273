package org.cvkit.zoo.format;

/**
 * A model or weight file does not follow its format: truncated or over-long data, a malformed description, or a
 * feature the reader does not support. The message names the file and where in it the problem is.
 */
public class ModelFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message one human-readable line
     */
    public ModelFormatException(String message) {
        super(message);
    }

    /**
     * @param message one human-readable line
     * @param cause   the low-level failure behind it
     */
    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
