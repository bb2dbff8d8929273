package org.cvkit.apps.face;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cvkit.face.analysis.FaceAnalyzer;
import org.cvkit.face.gallery.Gallery;
import org.cvkit.face.gallery.GalleryFile;
import org.cvkit.face.gallery.MatchPolicy;
import picocli.CommandLine.Option;

/** The {@code --gallery} option: where the enrolled people are kept, by default in the user's data folder. */
final class GalleryOptions {

    @Option(names = "--gallery", paramLabel = "FILE",
            description = "The gallery file (default: $XDG_DATA_HOME/cvkit/gallery.json, else"
                    + " ~/.local/share/cvkit/gallery.json).")
    Path file;

    /** @return the gallery file named by {@code --gallery}, or the default one */
    Path file() {
        return file != null ? file : defaultFile(System.getenv("XDG_DATA_HOME"), System.getProperty("user.home"));
    }

    /**
     * The XDG base-directory rule: {@code $XDG_DATA_HOME/cvkit/gallery.json} when the variable holds an absolute
     * path, else {@code ~/.local/share/cvkit/gallery.json}.
     *
     * @param xdgDataHome the value of {@code XDG_DATA_HOME}, or {@code null}
     * @param home        the user's home folder
     * @return the default gallery file
     */
    static Path defaultFile(String xdgDataHome, String home) {
        Path data = xdgDataHome != null && !xdgDataHome.isBlank() && Path.of(xdgDataHome).isAbsolute()
                ? Path.of(xdgDataHome) : Path.of(home, ".local", "share");
        return data.resolve("cvkit").resolve("gallery.json");
    }

    /**
     * @return the gallery in the file, or an empty one with face-api's matching when there is no file yet
     * @throws IOException if the file exists but cannot be read or is no gallery of face-api descriptors
     */
    Gallery readOrEmpty() throws IOException {
        Path gallery = file();
        return Files.exists(gallery) ? GalleryFile.read(gallery, FaceAnalyzer.DESCRIPTOR_SPACE)
                : Gallery.empty(FaceAnalyzer.DESCRIPTOR_SPACE, MatchPolicy.faceApi());
    }

    /**
     * @return the gallery in the file, which must hold at least one person
     * @throws IllegalArgumentException if there is no gallery file yet or nobody is enrolled in it
     * @throws IOException              if the file cannot be read or is no gallery of face-api descriptors
     */
    Gallery readEnrolled() throws IOException {
        Gallery gallery = readOrEmpty();
        if (gallery.size() == 0) {
            throw new IllegalArgumentException((Files.exists(file()) ? "nobody is enrolled in " : "there is no "
                    + "gallery at ") + file() + "; enroll people first with 'cvkit face-verify enroll NAME PHOTO'");
        }
        return gallery;
    }

    /**
     * Replaces the gallery file atomically, readable by its owner only.
     *
     * @param gallery the gallery to keep
     * @throws IOException if it cannot be written; the previous file is then unchanged
     */
    void write(Gallery gallery) throws IOException {
        GalleryFile.write(file(), gallery);
    }
}
