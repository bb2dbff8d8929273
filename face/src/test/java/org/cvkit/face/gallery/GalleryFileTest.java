package org.cvkit.face.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GalleryFileTest {

    private static final EmbeddingSpace SPACE = new EmbeddingSpace("test-encoder/v1", 3);
    private static final MatchPolicy POLICY =
            new MatchPolicy(DistanceMetric.SQUARED_EUCLIDEAN, 0.36, PersonDistance.MEAN_EMBEDDING);

    /** Values whose decimal forms are easy to get wrong: a repeating fraction, the smallest float, minus zero. */
    private static final Gallery GALLERY = Gallery.empty(SPACE, POLICY)
            .enroll("Zoë", List.of(Embedding.of(1f / 3, Float.MIN_VALUE, -0.0f)))
            .enroll("Ada Lovelace", List.of(Embedding.of(0.1f, 0.2f, 0.3f), Embedding.of(-1e-30f, 3e38f, 7)));

    @TempDir
    Path directory;

    @Test
    void aGallerySurvivesARoundTripBitForBit() throws IOException {
        Path file = directory.resolve("gallery.json");
        GalleryFile.write(file, GALLERY);

        Gallery read = GalleryFile.read(file);

        assertThat(read).isEqualTo(GALLERY);
        assertThat(read.person("Zoë").orElseThrow().embeddings().get(0).toArray())
                .containsExactly(1f / 3, Float.MIN_VALUE, -0.0f);
        assertThat(GalleryFile.read(file, SPACE)).isEqualTo(GALLERY);
    }

    @Test
    void theFileRecordsFormatVersionEncoderAndDimension() throws IOException {
        Path file = directory.resolve("gallery.json");
        GalleryFile.write(file, GALLERY);

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.get("format").textValue()).isEqualTo("cvkit-face-gallery");
        assertThat(json.get("version").intValue()).isEqualTo(1).isEqualTo(GalleryFile.FORMAT_VERSION);
        assertThat(json.get("encoder").textValue()).isEqualTo("test-encoder/v1");
        assertThat(json.get("dimension").intValue()).isEqualTo(3);
        assertThat(json.get("policy").get("metric").textValue()).isEqualTo("SQUARED_EUCLIDEAN");
        assertThat(json.get("people").get(0).get("name").textValue()).isEqualTo("Ada Lovelace");
        assertThat(json.get("people").get(0).get("embeddings").get(1).get(1).floatValue()).isEqualTo(3e38f);
    }

    @Test
    void onlyTheOwnerCanReadTheFileAndTheDirectoriesItCreates() throws IOException {
        Path existing = Files.createDirectory(directory.resolve("existing"));
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = existing.resolve("a/b/gallery.json");

        GalleryFile.write(file, GALLERY);

        assertThat(permissions(file)).isEqualTo("rw-------");
        assertThat(permissions(existing.resolve("a"))).isEqualTo("rwx------");
        assertThat(permissions(existing.resolve("a/b"))).isEqualTo("rwx------");
        assertThat(permissions(existing)).isEqualTo("rwxr-xr-x");
    }

    @Test
    void replacingAWorldReadableFileMakesItPrivate() throws IOException {
        Path file = Files.writeString(directory.resolve("gallery.json"), "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        GalleryFile.write(file, GALLERY);

        assertThat(permissions(file)).isEqualTo("rw-------");
        assertThat(GalleryFile.read(file)).isEqualTo(GALLERY);
    }

    @Test
    void aFailedWriteLeavesTheOldGalleryIntactAndNoTemporaryFile() throws IOException {
        Path file = directory.resolve("gallery.json");
        Gallery old = Gallery.empty(SPACE, POLICY).enroll("Old", List.of(Embedding.of(1, 2, 3)));
        GalleryFile.write(file, old);
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> GalleryFile.write(file, GALLERY, out -> new FailingAfter(out, 40)))
                .isInstanceOf(IOException.class).hasMessage("disk full");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(GalleryFile.read(file)).isEqualTo(old);
        assertThat(listing(directory)).containsExactly(file);
    }

    @Test
    void aGalleryOfAnotherEncoderIsRefused() throws IOException {
        Path file = directory.resolve("gallery.json");
        GalleryFile.write(file, GALLERY);

        assertThatThrownBy(() -> GalleryFile.read(file, new EmbeddingSpace("face-api", 128)))
                .isInstanceOf(GalleryFileException.class)
                .hasMessage("gallery file " + file + " holds embeddings of encoder 'test-encoder/v1' (3-d) but faces "
                        + "are now described with 'face-api' (128-d); use a gallery made with face-api or enroll "
                        + "the people again");
        assertThatThrownBy(() -> GalleryFile.read(file, new EmbeddingSpace("other-encoder", 3)))
                .isInstanceOf(GalleryFileException.class).hasMessageContaining("'other-encoder' (3-d)");
    }

    @Test
    void aMissingFileIsReportedAsSuch() {
        assertThatThrownBy(() -> GalleryFile.read(directory.resolve("none.json")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aNewerFormatVersionAsksForAnUpgrade() throws IOException {
        Path file = edited("\"version\":1", "\"version\":2");
        assertThatThrownBy(() -> GalleryFile.read(file)).isInstanceOf(GalleryFileException.class)
                .hasMessage("gallery file " + file + " was written by a newer cvkit (gallery format version 2; this "
                        + "version reads up to 1); upgrade cvkit to read it");
    }

    @Test
    void invalidVersionsAreRejected() throws IOException {
        for (String version : new String[] {"0", "\"1\"", "1.5", "null"}) {
            Path file = edited("\"version\":1", "\"version\":" + version);
            assertThatThrownBy(() -> GalleryFile.read(file)).isInstanceOf(GalleryFileException.class)
                    .hasMessageContaining("has no valid format version (found " + version + ")");
        }
        Path file = edited(",\"version\":1", "");
        assertThatThrownBy(() -> GalleryFile.read(file)).hasMessageContaining("has no valid format version");
    }

    @Test
    void filesThatAreNotGalleriesAreRejected() throws IOException {
        Path empty = Files.write(directory.resolve("empty.json"), new byte[0]);
        Path other = Files.writeString(directory.resolve("other.json"), "{\"format\":\"cvkit-model\",\"version\":1}");
        Path array = Files.writeString(directory.resolve("array.json"), "[1, 2, 3]");
        for (Path file : List.of(empty, other, array)) {
            assertThatThrownBy(() -> GalleryFile.read(file)).isInstanceOf(GalleryFileException.class)
                    .hasMessage("gallery file " + file + " is not a cvkit face gallery (its \"format\" is not "
                            + "\"cvkit-face-gallery\")");
        }
    }

    @Test
    void truncatedOrGarbledJsonIsRejected() throws IOException {
        String valid = validJson();
        Path truncated = Files.writeString(directory.resolve("truncated.json"), valid.substring(0, valid.length() / 2));
        Path binary = Files.write(directory.resolve("binary.json"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1});
        Path trailing = Files.writeString(directory.resolve("trailing.json"), valid + "{}");
        Path nan = edited("0.1,", "NaN,");
        Path duplicate = edited("\"dimension\":3", "\"dimension\":3,\"dimension\":3");
        for (Path file : List.of(truncated, binary, trailing, nan, duplicate)) {
            assertThatThrownBy(() -> GalleryFile.read(file)).isInstanceOf(GalleryFileException.class)
                    .hasMessageStartingWith("gallery file " + file + " is not valid JSON (")
                    .hasMessageEndingWith("); it is damaged or not a gallery");
        }
    }

    @Test
    void damagedContentIsRejectedWithWhatIsWrong() throws IOException {
        assertDamaged(edited("\"dimension\":3,", ""), "dimension");
        assertDamaged(edited("\"dimension\":3", "\"dimension\":3.5"), "dimension");
        assertDamaged(edited("\"dimension\":3", "\"dimension\":\"3\""), "dimension");
        assertDamaged(edited("\"dimension\":3", "\"dimension\":3,\"colour\":\"blue\""), "colour");
        assertDamaged(edited("\"encoder\":\"test-encoder/v1\"", "\"encoder\":null"), "encoder");
        assertDamaged(edited("\"SQUARED_EUCLIDEAN\"", "\"MANHATTAN\""), "MANHATTAN");
        assertDamaged(edited("\"threshold\":0.36", "\"threshold\":-1"), "threshold must be a finite distance >= 0");
        assertDamaged(edited("\"name\":\"Zoë\"", "\"name\":\"\""), "name must not be empty");
        assertDamaged(edited("\"name\":\"Zoë\"", "\"name\":\"Ada Lovelace\""), "'Ada Lovelace' is enrolled twice");
        assertDamaged(edited(",-0.0]", "]"), "has 2 values but this gallery holds 3-d embeddings");
        assertDamaged(edited("0.1,0.2,", "0.1,"), "embeddings of 'Ada Lovelace' have 2 and 3 values");
        assertDamaged(edited("[[0.1,", "[[1e39,"), "is Infinity");
        assertDamaged(edited("[[0.1,", "[[\"0.1\","), "");
        assertDamaged(edited("[[0.33333334,1.4E-45,-0.0]]", "[]"), "at least one embedding");
        assertDamaged(edited("\"embeddings\":[[0.3", "\"embeddings\":[null,[0.3"), "at least one value");
        assertDamaged(edited("\"people\":[", "\"people\":[null,"), "people[0] is null");
    }

    private void assertDamaged(Path file, String detail) {
        assertThatThrownBy(() -> GalleryFile.read(file)).isInstanceOf(GalleryFileException.class)
                .hasMessageStartingWith("gallery file " + file + " is damaged: ")
                .hasMessageContaining(detail);
    }

    /** @return a file holding the valid gallery's JSON with one exact piece of text replaced */
    private Path edited(String original, String replacement) throws IOException {
        String json = validJson();
        assertThat(json).contains(original);
        return Files.writeString(Files.createTempFile(directory, "edited", ".json"),
                json.replaceFirst(java.util.regex.Pattern.quote(original),
                        java.util.regex.Matcher.quoteReplacement(replacement)));
    }

    private String validJson() throws IOException {
        Path file = directory.resolve("valid.json");
        GalleryFile.write(file, GALLERY);
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static List<Path> listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }

    /** Fails like a full disk once a number of bytes has been written. */
    private static final class FailingAfter extends FilterOutputStream {

        private int remaining;

        FailingAfter(OutputStream out, int bytes) {
            super(out);
            this.remaining = bytes;
        }

        @Override
        public void write(int b) throws IOException {
            if (remaining-- <= 0) {
                throw new IOException("disk full");
            }
            super.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            for (int i = 0; i < length; i++) {
                write(bytes[offset + i]);
            }
        }
    }
}
