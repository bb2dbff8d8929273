package org.cvkit.core.data;

import java.io.IOException;

/** IDX data that cannot be read: wrong magic number, impossible dimensions or a truncated file. */
public final class IdxFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * @param source  the file or stream that was read, for the message
     * @param problem what is wrong and, where possible, how to fix it
     * @param cause   the underlying error, or {@code null}
     */
    public IdxFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
    }
}
