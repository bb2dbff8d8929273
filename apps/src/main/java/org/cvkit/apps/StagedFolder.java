package org.cvkit.apps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A hidden folder beside the output folder where results are written first. {@link #commit()} moves them into the
 * output folder (renaming the whole folder when the output does not exist yet); closing without a commit deletes
 * them, so a failed run leaves no half-written output.
 */
public final class StagedFolder implements AutoCloseable {

    private final Path target;
    private final Path staging;
    private boolean committed;

    private StagedFolder(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /**
     * @param target the output folder, which may not exist yet
     * @return a fresh staging folder on the same file system as the target
     * @throws IOException              if the staging folder cannot be created
     * @throws IllegalArgumentException if the target exists and is not a folder
     */
    public static StagedFolder beside(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new IllegalArgumentException("the output " + target + " is a file; give a folder");
        }
        Path parent = Files.createDirectories(absolute.getParent());
        return new StagedFolder(absolute, Files.createTempDirectory(parent, "." + absolute.getFileName() + "-"));
    }

    /** @return the folder to write results into */
    public Path path() {
        return staging;
    }

    /**
     * Moves every staged file into the output folder, replacing files of the same name.
     *
     * @throws IOException if a file cannot be moved
     */
    public void commit() throws IOException {
        if (Files.exists(target)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(staging)) {
                for (Path file : files) {
                    Files.move(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                }
            }
            Files.delete(staging);
        } else {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        }
        committed = true;
    }

    /** Deletes the staged files unless they were committed. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        try (Stream<Path> files = Files.walk(staging)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the staging folder " + staging, e);
        }
    }
}
