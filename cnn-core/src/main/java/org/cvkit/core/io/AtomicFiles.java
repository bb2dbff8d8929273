package org.cvkit.core.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;

/**
 * Writes files so that readers never see half of one: the content goes to a temporary file next to the target,
 * which is then renamed over the target in one atomic step. If writing fails, the target is left as it was and the
 * temporary file is removed, also when a signal stops the JVM. New files get the permissions the user's umask gives;
 * a writer that needs tighter ones sets them on the temporary file.
 */
public final class AtomicFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

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
        Path temporary = createTemporary(directory, absolute.getFileName().toString());
        try {
            content.writeTo(temporary);
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** A fresh hidden file beside the target, created with the umask's permissions and removed if the JVM exits. */
    private static Path createTemporary(Path directory, String targetName) throws IOException {
        while (true) {
            Path candidate = directory.resolve("." + targetName + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
            try {
                Path temporary = Files.createFile(candidate);
                temporary.toFile().deleteOnExit();
                return temporary;
            } catch (FileAlreadyExistsException e) {
                // another writer picked the same name: draw again
            }
        }
    }
}
