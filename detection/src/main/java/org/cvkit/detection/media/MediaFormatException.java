package org.cvkit.detection.media;

import java.io.IOException;

/** A file that should hold a video or an image cannot be decoded as one. */
public final class MediaFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with which file */
    public MediaFormatException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong with which file
     * @param cause   the decoder's own error
     */
    public MediaFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
