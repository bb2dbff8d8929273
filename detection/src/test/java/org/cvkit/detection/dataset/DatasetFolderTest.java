package org.cvkit.detection.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.cvkit.core.geometry.Box;
import org.cvkit.detection.geometry.GroundTruth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFolderTest {

    private static final List<String> CLASSES = List.of("Trouser", "Sneaker", "Bag");

    @TempDir
    Path temp;

    @Test
    void aYoloFolderReadsBackTheSameImagesAndBoxes() throws IOException {
        DetectionDataset dataset = dataset();
        Path folder = temp.resolve("yolo");

        DatasetFolder.write(dataset, folder, LabelFormat.YOLO);
        DetectionDataset back = DatasetFolder.read(folder, LabelFormat.YOLO);

        assertThat(Files.readAllLines(folder.resolve("classes.txt"))).isEqualTo(CLASSES);
        assertThat(folder.resolve("labels/b-1.txt")).hasContent("");
        assertThat(back.classNames()).isEqualTo(CLASSES);
        assertThat(back.samples()).extracting(DetectionSample::name).containsExactly("a-0", "b-1");
        for (int i = 0; i < 2; i++) {
            assertThat(pixels(back.samples().get(i).image())).isEqualTo(pixels(dataset.samples().get(i).image()));
        }
        List<GroundTruth> objects = back.samples().get(0).objects();
        assertThat(objects).extracting(GroundTruth::classIndex).containsExactly(2, 0);
        for (int k = 0; k < objects.size(); k++) {
            Box expected = dataset.samples().get(0).objects().get(k).box();
            Box actual = objects.get(k).box();
            assertThat(new double[] {actual.x1(), actual.y1(), actual.x2(), actual.y2()}).containsExactly(
                    new double[] {expected.x1(), expected.y1(), expected.x2(), expected.y2()}, within(1e-4));
        }
        assertThat(back.samples().get(1).objects()).isEmpty();
    }

    @Test
    void aVocFolderReadsBackExactly() throws IOException {
        DetectionDataset dataset = dataset();
        Path folder = temp.resolve("voc");

        DatasetFolder.write(dataset, folder, LabelFormat.VOC);
        DetectionDataset back = DatasetFolder.read(folder, LabelFormat.VOC);

        assertThat(folder.resolve("annotations/a-0.xml")).content().contains("<filename>a-0.png</filename>");
        assertThat(back.samples()).extracting(DetectionSample::objects)
                .isEqualTo(dataset.samples().stream().map(DetectionSample::objects).toList());
    }

    @Test
    void refusesToWriteOverAnExistingFolderAndLeavesNoStagingBehind() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("taken"));

        assertThatThrownBy(() -> DatasetFolder.write(dataset(), folder, LabelFormat.YOLO))
                .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("exists already");
        try (var entries = Files.list(temp)) {
            assertThat(entries).containsExactly(folder);
        }
    }

    @Test
    void readingNamesWhatIsMissing() throws IOException {
        Path folder = temp.resolve("data");
        DatasetFolder.write(dataset(), folder, LabelFormat.YOLO);

        assertThatThrownBy(() -> DatasetFolder.read(folder, LabelFormat.VOC))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("image a-0.png has no label file");
        Files.delete(folder.resolve("labels/b-1.txt"));
        assertThatThrownBy(() -> DatasetFolder.read(folder, LabelFormat.YOLO))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("b-1.txt");
        Files.delete(folder.resolve("classes.txt"));
        assertThatThrownBy(() -> DatasetFolder.read(folder, LabelFormat.YOLO))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("classes.txt");
        assertThatThrownBy(() -> DatasetFolder.read(temp.resolve("nowhere"), LabelFormat.YOLO))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void readingRejectsBadClassNamesImagesAndLabels() throws IOException {
        Path folder = temp.resolve("data");
        DatasetFolder.write(dataset(), folder, LabelFormat.YOLO);
        Files.writeString(folder.resolve("labels/a-0.txt"), "7 0.5 0.5 0.1 0.1\n");

        assertThatThrownBy(() -> DatasetFolder.read(folder, LabelFormat.YOLO))
                .isInstanceOf(LabelFormatException.class).hasMessageContaining("a-0.txt line 1");
        Files.writeString(folder.resolve("images/a-0.png"), "not a png");
        assertThatThrownBy(() -> DatasetFolder.read(folder, LabelFormat.YOLO))
                .isInstanceOf(LabelFormatException.class).hasMessageContaining("cannot be decoded");
        Files.writeString(folder.resolve("classes.txt"), "Bag\nBag\n");
        assertThatThrownBy(() -> DatasetFolder.read(folder, LabelFormat.YOLO))
                .isInstanceOf(LabelFormatException.class).hasMessageContaining("distinct");
    }

    @Test
    void aVocFolderMustAgreeWithItsImages() throws IOException {
        Path folder = temp.resolve("voc");
        DatasetFolder.write(dataset(), folder, LabelFormat.VOC);
        Path annotation = folder.resolve("annotations/b-1.xml");
        Files.writeString(annotation, Files.readString(annotation).replace("<width>40</width>", "<width>41</width>"));

        assertThatThrownBy(() -> DatasetFolder.read(folder, LabelFormat.VOC))
                .isInstanceOf(LabelFormatException.class).hasMessageContaining("image size 41x30");
    }

    /** Two noisy 40x30 images: the first with a bag and a trouser, the second empty. */
    private static DetectionDataset dataset() {
        return new DetectionDataset(CLASSES, List.of(
                new DetectionSample("a-0", noise(1), List.of(new GroundTruth(Box.fromCorners(3, 4, 17, 29), 2),
                        new GroundTruth(Box.fromCorners(20, 0, 40, 30), 0))),
                new DetectionSample("b-1", noise(2), List.of())));
    }

    private static BufferedImage noise(long seed) {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_3BYTE_BGR);
        new Random(seed).nextBytes(pixels(image));
        return image;
    }

    private static byte[] pixels(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }
}
