package org.cvkit.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the real Fashion-MNIST files from the asset mirror; the expected values were taken with Python's gzip. */
class FashionMnistTest {

    @TempDir
    Path directory;

    @Test
    void loadsTheTestSplit() throws IOException {
        LabeledImageSet test = FashionMnist.load(TestAssets.fashionMnistOrSkip(), FashionMnist.Split.TEST);

        assertThat(test.size()).isEqualTo(10_000);
        assertThat(test.height()).isEqualTo(28);
        assertThat(test.width()).isEqualTo(28);
        assertThat(test.classNames()).hasSize(10).startsWith("T-shirt/top", "Trouser").endsWith("Ankle boot");
        int[] firstLabels = new int[10];
        for (int i = 0; i < 10; i++) {
            firstLabels[i] = test.label(i);
        }
        assertThat(firstLabels).containsExactly(9, 2, 1, 1, 6, 1, 4, 6, 5, 7);
        float[] firstImage = test.image(0).ravel().toFloatVector();
        double sum = 0;
        for (float value : firstImage) {
            sum += value;
        }
        assertThat(sum).isCloseTo(33456 / 255.0, within(1e-3));
        assertThat(firstImage[14 * 28 + 14]).isCloseTo(110 / 255f, within(1e-7f));
    }

    @Test
    void loadsTheTrainingSplit() throws IOException {
        LabeledImageSet train = FashionMnist.load(TestAssets.fashionMnistOrSkip(), FashionMnist.Split.TRAIN);
        assertThat(train.size()).isEqualTo(60_000);
        assertThat(train.label(0)).isEqualTo(9);
        assertThat(train.label(3)).isEqualTo(3);
        assertThat(train.image(0).getFloat(0, 0, 14, 14)).isCloseTo(217 / 255f, within(1e-7f));
    }

    @Test
    void readsFromStreams() throws IOException {
        Path mirror = TestAssets.fashionMnistOrSkip();
        try (InputStream images = Files.newInputStream(mirror.resolve(FashionMnist.Split.TEST.imagesFile()));
             InputStream labels = Files.newInputStream(mirror.resolve(FashionMnist.Split.TEST.labelsFile()))) {
            assertThat(FashionMnist.read(images, labels).size()).isEqualTo(10_000);
        }
    }

    @Test
    void acceptsUncompressedFiles() throws IOException {
        Files.write(directory.resolve("t10k-images-idx3-ubyte"), IdxFiles.images(1, 28, 28, new int[784]));
        Files.write(directory.resolve("t10k-labels-idx1-ubyte"), IdxFiles.labels(8));
        LabeledImageSet test = FashionMnist.load(directory, FashionMnist.Split.TEST);
        assertThat(test.size()).isEqualTo(1);
        assertThat(test.classNames().get(test.label(0))).isEqualTo("Bag");
    }

    @Test
    void namesTheMissingFile() {
        assertThatThrownBy(() -> FashionMnist.load(directory, FashionMnist.Split.TRAIN))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("train-images-idx3-ubyte.gz")
                .hasMessageContaining("nor train-images-idx3-ubyte");
    }

    @Test
    void rejectsImageAndLabelFilesOfDifferentLength() {
        byte[] images = IdxFiles.gzip(IdxFiles.images(2, 28, 28, new int[2 * 784]));
        byte[] labels = IdxFiles.labels(1, 2, 3);
        assertThatThrownBy(() -> FashionMnist.read(new ByteArrayInputStream(images), new ByteArrayInputStream(labels)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 images but 3 labels");
    }

    @Test
    void rejectsLabelsBeyondTheTenClasses() {
        byte[] images = IdxFiles.images(1, 28, 28, new int[784]);
        byte[] labels = IdxFiles.labels(10);
        assertThatThrownBy(() -> FashionMnist.read(new ByteArrayInputStream(images), new ByteArrayInputStream(labels)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label 10 of image 0 is outside 0..9");
    }
}
