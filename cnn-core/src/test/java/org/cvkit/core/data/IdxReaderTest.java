package org.cvkit.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    /** Two images of 2 rows x 3 columns. */
    private static final byte[] IMAGES = IdxFiles.images(2, 2, 3,
            0, 1, 2,
            3, 4, 255,
            10, 20, 30,
            40, 50, 128);

    @TempDir
    Path directory;

    @Test
    void readsPlainImages() throws IOException {
        IdxImages images = IdxReader.readImages(new ByteArrayInputStream(IMAGES));
        assertThat(images.count()).isEqualTo(2);
        assertThat(images.rows()).isEqualTo(2);
        assertThat(images.columns()).isEqualTo(3);
        assertThat(images.pixel(0, 1, 2)).isEqualTo(255);
        assertThat(images.pixel(1, 0, 1)).isEqualTo(20);
        assertThat(images.pixel(1, 1, 2)).isEqualTo(128);
    }

    @Test
    void readsGzipFilesWhateverTheirName() throws IOException {
        Path file = Files.write(directory.resolve("images.idx"), IdxFiles.gzip(IMAGES));
        IdxImages images = IdxReader.readImages(file);
        assertThat(images.pixel(0, 1, 1)).isEqualTo(4);
        assertThat(images.pixel(1, 1, 0)).isEqualTo(40);
    }

    @Test
    void readsLabelsPlainAndCompressed() throws IOException {
        byte[] labels = IdxFiles.labels(9, 0, 255);
        assertThat(IdxReader.readLabels(new ByteArrayInputStream(labels))).containsExactly(9, 0, 255);
        Path file = Files.write(directory.resolve("labels.gz"), IdxFiles.gzip(labels));
        assertThat(IdxReader.readLabels(file)).containsExactly(9, 0, 255);
    }

    @Test
    void leavesTheCallersStreamOpen() throws IOException {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(IdxFiles.gzip(IMAGES)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        IdxReader.readImages(in);
        assertThat(closed[0]).isFalse();
    }

    @Test
    void saysWhenImageAndLabelFilesAreSwapped() {
        assertThatThrownBy(() -> IdxReader.readImages(new ByteArrayInputStream(IdxFiles.labels(1, 2))))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("holds IDX labels (magic number 2049), not images (2051)")
                .hasMessageContaining("swapped");
        assertThatThrownBy(() -> IdxReader.readLabels(new ByteArrayInputStream(IMAGES)))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("holds IDX images (magic number 2051), not labels (2049)");
    }

    @Test
    void rejectsABadMagicNumberAndNamesTheFile() throws IOException {
        Path file = Files.write(directory.resolve("picture.png"), IdxFiles.idx(0x89504e47, new int[] {1}, new int[0]));
        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("0x89504e47")
                .hasMessageContaining("not an IDX images file");
    }

    @Test
    void rejectsPixelDataShorterThanTheHeaderSays() {
        byte[] truncated = Arrays.copyOf(IMAGES, IMAGES.length - 2);
        assertThatThrownBy(() -> IdxReader.readImages(new ByteArrayInputStream(truncated)))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("truncated: the header declares 12 bytes of pixels but only 10 follow");
    }

    @Test
    void rejectsATruncatedHeader() {
        byte[] truncated = Arrays.copyOf(IMAGES, 10);
        assertThatThrownBy(() -> IdxReader.readImages(new ByteArrayInputStream(truncated)))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("truncated or damaged");
    }

    @Test
    void rejectsATruncatedGzipFile() throws IOException {
        byte[] compressed = IdxFiles.gzip(IdxFiles.images(50, 8, 8, new int[50 * 64]));
        Path file = Files.write(directory.resolve("cut.gz"), Arrays.copyOf(compressed, compressed.length / 2));
        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("cut.gz")
                .hasMessageContaining("truncated");
    }

    @Test
    void rejectsAnEmptyFile() throws IOException {
        Path file = Files.write(directory.resolve("empty"), new byte[0]);
        assertThatThrownBy(() -> IdxReader.readLabels(file))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("is empty");
    }

    @Test
    void rejectsNegativeOrEmptyDimensions() {
        byte[] negative = IdxFiles.idx(IdxReader.LABELS_MAGIC, new int[] {-5}, new int[0]);
        assertThatThrownBy(() -> IdxReader.readLabels(new ByteArrayInputStream(negative)))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("negative label count (-5)");
        byte[] noColumns = IdxFiles.idx(IdxReader.IMAGES_MAGIC, new int[] {3, 28, 0}, new int[0]);
        assertThatThrownBy(() -> IdxReader.readImages(new ByteArrayInputStream(noColumns)))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("3 images of 28x0");
    }

    @Test
    void idxImagesCopyTheirInputAndCheckSizes() {
        byte[] pixels = {1, 2, 3, 4};
        IdxImages images = new IdxImages(1, 2, 2, pixels);
        pixels[0] = 99;
        assertThat(images.pixel(0, 0, 0)).isEqualTo(1);
        assertThatThrownBy(() -> new IdxImages(2, 2, 2, pixels))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("need 8 pixels but 4 were given");
        assertThatThrownBy(() -> images.pixel(1, 0, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
