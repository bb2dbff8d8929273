package org.cvkit.face.gallery;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.cvkit.core.io.AtomicFiles;

/**
 * Stores galleries safely. Embeddings are biometric data, so a gallery file is written to a temporary file in the
 * target's directory with permissions {@code rw-------}, then moved over the target in one atomic step: readers see
 * the old gallery or the new one, never half of one, and a failed write leaves the old file as it was. Directories
 * this class creates get {@code rwx------}; existing directories are left alone. On file systems without POSIX
 * permissions the file system's defaults apply.
 *
 * <p>The content is versioned JSON that records the encoder and the embedding dimension, so that a gallery made with
 * one encoder is not used with another:
 *
 * <pre>{@code
 * {"format": "cvkit-face-gallery", "version": 1,
 *  "encoder": "face-api/face_recognition_model", "dimension": 128,
 *  "policy": {"metric": "EUCLIDEAN", "threshold": 0.6, "personDistance": "NEAREST_EMBEDDING"},
 *  "people": [{"name": "Ada", "embeddings": [[0.01, -0.2, ...], ...]}, ...]}
 * }</pre>
 *
 * People are written in name order. Floats are written in their shortest exact decimal form, so embeddings
 * survive a round trip bit for bit.
 */
public final class GalleryFile {

    /** The gallery format version this class writes, and the newest it reads. */
    public static final int FORMAT_VERSION = GalleryJson.VERSION;

    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private GalleryFile() {
    }

    /**
     * Writes a gallery atomically, readable and writable by its owner only, creating missing directories.
     *
     * @param file    where the gallery is stored; an existing file is replaced
     * @param gallery the gallery
     * @throws IOException if the gallery cannot be written; the previous file, if any, is then unchanged
     */
    public static void write(Path file, Gallery gallery) throws IOException {
        write(file, gallery, UnaryOperator.identity());
    }

    /** {@link #write(Path, Gallery)} with the output stream wrapped by {@code streams}, so tests can make it fail. */
    static void write(Path file, Gallery gallery, UnaryOperator<OutputStream> streams) throws IOException {
        createPrivateDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.write(file, temporary -> {
            restrict(temporary, OWNER_READ_WRITE);
            try (OutputStream out = streams.apply(Files.newOutputStream(temporary))) {
                GalleryJson.write(gallery, out);
            }
        });
    }

    /**
     * @param file a gallery file
     * @return the gallery it holds
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws GalleryFileException              if it is not a gallery, is damaged or was written by a newer cvkit
     * @throws IOException                       if it cannot be read
     */
    public static Gallery read(Path file) throws IOException {
        return GalleryJson.read(Files.readAllBytes(file), file);
    }

    /**
     * Reads a gallery that must hold embeddings of a given encoder.
     *
     * @param file     a gallery file
     * @param expected the encoder and dimension of the embeddings that will be compared with the gallery
     * @return the gallery it holds
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws GalleryFileException              if it is not a usable gallery or was made with another encoder
     * @throws IOException                       if it cannot be read
     */
    public static Gallery read(Path file, EmbeddingSpace expected) throws IOException {
        Gallery gallery = read(file);
        if (!gallery.space().equals(expected)) {
            throw new GalleryFileException(file, "holds embeddings of encoder " + gallery.space()
                    + " but faces are now described with " + expected + "; use a gallery made with "
                    + expected.encoder() + " or enroll the people again", null);
        }
        return gallery;
    }

    /** Creates the missing directories of a path, outermost first, each accessible by its owner only. */
    private static void createPrivateDirectories(Path directory) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path d = directory; d != null && Files.notExists(d); d = d.getParent()) {
            missing.push(d);
        }
        for (Path d : missing) {
            try {
                Files.createDirectory(d);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(d)) {
                    throw e;
                }
                continue; // created meanwhile by someone else: not ours to restrict
            }
            restrict(d, OWNER_ONLY_DIRECTORY);
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view != null) {
            view.setPermissions(permissions);
        }
    }
}
