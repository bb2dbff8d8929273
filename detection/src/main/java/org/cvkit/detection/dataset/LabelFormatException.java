package org.cvkit.detection.dataset;

import java.io.IOException;

/** A label or annotation file that cannot be read: malformed text or XML, or values that make no sense. */
public final class LabelFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * @param source  the file (or other source) that was being read
     * @param problem what is wrong and how to fix it
     */
    public LabelFormatException(String source, String problem) {
        super(source + ": " + problem);
    }

    /**
     * @param source  the file (or other source) that was being read
     * @param problem what is wrong and how to fix it
     * @param cause   the parser's exception
     */
    public LabelFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
    }
}
