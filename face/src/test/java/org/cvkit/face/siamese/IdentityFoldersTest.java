package org.cvkit.face.siamese;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.cvkit.core.image.ChannelOrder;
import org.cvkit.core.image.ImageTensorFormat;
import org.cvkit.core.image.Normalization;
import org.cvkit.core.io.ModelMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

class IdentityFoldersTest {

    private static final ModelMetadata.InputShape GREY_2X2 = new ModelMetadata.InputShape(2, 2, 1);
    private static final ImageTensorFormat LEVELS = new ImageTensorFormat(ChannelOrder.RGB,
            Normalization.scaleOnly(1));

    @TempDir
    Path root;

    static void writeImage(Path file, int width, int height, Color colour) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(colour);
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static Color grey(int level) {
        return new Color(level, level, level);
    }

    @Test
    void listsOneIdentityPerFolderWithImagesInNameOrder() throws IOException {
        writeImage(root.resolve("bob/b.png"), 4, 4, grey(20));
        writeImage(root.resolve("alice/2.png"), 4, 4, grey(11));
        writeImage(root.resolve("alice/1.PNG"), 4, 4, grey(10));
        writeImage(root.resolve("alice/.hidden.png"), 4, 4, grey(99));
        Files.writeString(root.resolve("alice/notes.txt"), "not an image");
        Files.createDirectories(root.resolve("carol"));
        Files.writeString(root.resolve("readme.txt"), "not a folder");

        IdentityFolders folders = IdentityFolders.open(root, GREY_2X2, LEVELS);

        assertThat(folders.identityNames()).containsExactly("alice", "bob");
        assertThat(folders.size()).isEqualTo(3);
        assertThat(folders.file(0).getFileName().toString()).isEqualTo("1.PNG");
        assertThat(new int[] {folders.identity(0), folders.identity(1), folders.identity(2)}).containsExactly(0, 0, 1);
        INDArray image = folders.image(2);
        assertThat(image.shape()).containsExactly(1, 1, 2, 2);
        assertThat(image.ravel().toDoubleVector()).containsOnly(20.0);
    }

    @Test
    void readsColourImagesInTheFormatsChannelOrder() throws IOException {
        writeImage(root.resolve("red/1.png"), 3, 5, Color.RED);

        INDArray image = IdentityFolders.open(root, new ModelMetadata.InputShape(2, 2, 3), ImageTensorFormat.RGB_UNIT)
                .image(0);

        assertThat(image.shape()).containsExactly(1, 3, 2, 2);
        assertThat(image.get(NDArrayIndex.point(0), NDArrayIndex.point(0)).ravel().toDoubleVector())
                .containsOnly(1.0);
        assertThat(image.sumNumber().doubleValue()).isEqualTo(4.0);
    }

    @Test
    void anUnreadableImageFileGivesAClearError() throws IOException {
        Files.createDirectories(root.resolve("dave"));
        Files.writeString(root.resolve("dave/broken.jpg"), "not a jpeg");
        IdentityFolders folders = IdentityFolders.open(root, GREY_2X2, LEVELS);

        assertThatThrownBy(() -> folders.image(0)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("broken.jpg").hasMessageContaining("damaged or not an image");
    }

    @Test
    void rejectsRootsWithoutIdentityFolders() throws IOException {
        assertThatThrownBy(() -> IdentityFolders.open(root.resolve("missing"), GREY_2X2, LEVELS))
                .isInstanceOf(NoSuchFileException.class);
        Path file = Files.writeString(root.resolve("file.txt"), "x");
        assertThatThrownBy(() -> IdentityFolders.open(file, GREY_2X2, LEVELS))
                .isInstanceOf(NotDirectoryException.class);
        Files.createDirectories(root.resolve("empty"));
        assertThatThrownBy(() -> IdentityFolders.open(root, GREY_2X2, LEVELS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one sub-folder per person");
    }

    @Test
    void rejectsShapesAndFormatsThatDoNotFit() {
        assertThatThrownBy(() -> IdentityFolders.open(root, new ModelMetadata.InputShape(2, 2, 2), LEVELS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 (grey) or 3 (colour)");
        assertThatThrownBy(() -> IdentityFolders.open(root, GREY_2X2, ImageTensorFormat.RGB_IMAGENET))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit 1 channel");
    }
}
