package org.cvkit.face.gallery;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A gallery file exists but cannot be used: it is damaged, is not a gallery, was written by a newer version of
 * cvkit, or holds embeddings of another encoder. The message names the file and says what is wrong.
 */
public final class GalleryFileException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * @param file    the gallery file
     * @param problem what is wrong with it and, where possible, how to fix it
     * @param cause   the underlying error, or {@code null}
     */
    GalleryFileException(Path file, String problem, Throwable cause) {
        super("gallery file " + file + " " + problem, cause);
    }
}
