package org.cvkit.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that readers never see half of one: the content goes to a temporary file next to the target,
 * which is then renamed over the target in one atomic step. If writing fails, the target is left as it was and the
 * temporary file is removed.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes the content of a file, given the path of a fresh, empty temporary file. */
    @FunctionalInterface
    public interface ContentWriter {
        /**
         * Writes the whole content.
         *
         * @param temporaryFile an empty file in the target's directory; write to it, do not move it
         * @throws IOException if writing fails
         */
        void writeTo(Path temporaryFile) throws IOException;
    }

    /**
     * Writes a file atomically, creating missing parent directories.
     *
     * @param target  where the file ends up
     * @param content what writes the content
     * @throws IOException if the content cannot be written or moved into place
     */
    public static void write(Path target, ContentWriter content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + absolute.getFileName(), ".tmp");
        try {
            content.writeTo(temporary);
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
