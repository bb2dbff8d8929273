package org.cvkit.core.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model file exists but cannot be used: it is not a zip, is damaged, lacks cvkit metadata or holds another kind
 * of network than asked for. The message names the file and says what is wrong.
 */
public final class ModelFileException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * @param file    the model file
     * @param problem what is wrong with it and, where possible, how to fix it
     * @param cause   the underlying error, or {@code null}
     */
    public ModelFileException(Path file, String problem, Throwable cause) {
        super("model file " + file + " " + problem, cause);
    }
}
