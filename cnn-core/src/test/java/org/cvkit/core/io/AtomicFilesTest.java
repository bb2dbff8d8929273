package org.cvkit.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path directory;

    @Test
    void writesIntoNewDirectories() throws IOException {
        Path target = directory.resolve("a/b/result.txt");
        AtomicFiles.write(target, temporary -> Files.writeString(temporary, "done"));
        assertThat(target).hasContent("done");
        assertThat(listing(target.getParent())).containsExactly(target);
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = Files.writeString(directory.resolve("result.txt"), "old");

        assertThatThrownBy(() -> AtomicFiles.write(target, temporary -> {
            Files.writeString(temporary, "half");
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");

        assertThat(target).hasContent("old");
        assertThat(listing(directory)).containsExactly(target);
    }

    @Test
    void aRuntimeFailureAlsoCleansUp() throws IOException {
        Path target = directory.resolve("result.txt");
        assertThatThrownBy(() -> AtomicFiles.write(target, temporary -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(listing(directory)).isEmpty();
    }

    @Test
    void newFilesGetTheUmasksPermissionsLikeAnyOtherNewFile() throws IOException {
        Path target = directory.resolve("result.txt");
        Path plain = Files.createFile(directory.resolve("plain.txt"));

        AtomicFiles.write(target, temporary -> Files.writeString(temporary, "done"));

        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    private static Stream<Path> listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList().stream();
        }
    }
}
