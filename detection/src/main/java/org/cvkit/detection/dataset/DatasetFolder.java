package org.cvkit.detection.dataset;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.detection.geometry.GroundTruth;

/**
 * A detection data set on disk, in the layout that Darknet and VOC tools expect:
 *
 * <pre>
 * FOLDER/classes.txt            one class name a line, in class-index order
 * FOLDER/images/NAME.png        the images
 * FOLDER/labels/NAME.txt        YOLO text labels ({@link LabelFormat#YOLO}), or
 * FOLDER/annotations/NAME.xml   VOC XML annotations ({@link LabelFormat#VOC})
 * </pre>
 *
 * Every image needs its label file (an empty YOLO file for an image without objects). A folder is written into a
 * temporary sibling first and renamed when complete, so an interrupted write never leaves a partial data set.
 */
public final class DatasetFolder {

    /** The file of class names. */
    public static final String CLASSES_FILE = "classes.txt";
    /** The sub-folder of images. */
    public static final String IMAGES_FOLDER = "images";

    private static final String IMAGE_EXTENSION = ".png";

    private DatasetFolder() {
    }

    /**
     * Writes a data set to a new folder.
     *
     * @param dataset the images and labels
     * @param folder  the folder to create; must not exist yet
     * @param format  how to store the boxes
     * @throws FileAlreadyExistsException if the folder exists
     * @throws IOException                if writing fails
     */
    public static void write(DetectionDataset dataset, Path folder, LabelFormat format) throws IOException {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(format, "format");
        Path target = folder.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "the data set folder exists already;"
                    + " choose a new folder or delete the old one");
        }
        Files.createDirectories(target.getParent());
        Path staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".");
        try {
            writeContents(dataset, staging, format);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                deleteRecursively(staging);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * Reads a data set folder; samples come in the order of their names.
     *
     * @param folder the folder
     * @param format how the boxes are stored
     * @return the images and labels
     * @throws NoSuchFileException  if the folder, its class names, its images folder or an image's label file is
     *                              missing
     * @throws LabelFormatException if the class names or a label file are invalid, or an image cannot be decoded
     * @throws IOException          if reading fails
     */
    public static DetectionDataset read(Path folder, LabelFormat format) throws IOException {
        Objects.requireNonNull(format, "format");
        List<String> classNames = readClassNames(folder.resolve(CLASSES_FILE));
        List<DetectionSample> samples = new ArrayList<>();
        for (Path imageFile : imageFiles(folder.resolve(IMAGES_FOLDER))) {
            String fileName = imageFile.getFileName().toString();
            String name = fileName.substring(0, fileName.length() - IMAGE_EXTENSION.length());
            BufferedImage image = ImageIO.read(imageFile.toFile());
            if (image == null) {
                throw new LabelFormatException(imageFile.toString(), "cannot be decoded as a PNG image");
            }
            Path labelFile = folder.resolve(format.folder()).resolve(name + format.extension());
            if (!Files.isRegularFile(labelFile)) {
                throw new NoSuchFileException(labelFile.toString(), null, "image " + fileName + " has no label"
                        + " file; every image needs one (an empty YOLO file when it has no objects)");
            }
            ImageSize size = new ImageSize(image.getWidth(), image.getHeight());
            samples.add(new DetectionSample(name, image, switch (format) {
                case YOLO -> YoloLabels.parse(Files.readString(labelFile, StandardCharsets.UTF_8), size,
                        classNames.size(), labelFile.toString());
                case VOC -> vocObjects(labelFile, size, classNames);
            }));
        }
        return new DetectionDataset(classNames, samples);
    }

    private static List<GroundTruth> vocObjects(Path file, ImageSize size, List<String> classNames)
            throws IOException {
        VocAnnotation annotation = VocAnnotation.parse(Files.readAllBytes(file), classNames, file.toString());
        if (!annotation.size().equals(size)) {
            throw new LabelFormatException(file.toString(), "gives the image size " + annotation.size()
                    + " but the image is " + size);
        }
        return annotation.objects();
    }

    private static void writeContents(DetectionDataset dataset, Path folder, LabelFormat format) throws IOException {
        Files.write(folder.resolve(CLASSES_FILE), dataset.classNames(), StandardCharsets.UTF_8);
        Path images = Files.createDirectory(folder.resolve(IMAGES_FOLDER));
        Path labels = Files.createDirectory(folder.resolve(format.folder()));
        for (DetectionSample sample : dataset.samples()) {
            String imageName = sample.name() + IMAGE_EXTENSION;
            if (!ImageIO.write(sample.image(), "png", images.resolve(imageName).toFile())) {
                throw new IOException("no PNG writer accepts the image of sample " + sample.name());
            }
            String label = switch (format) {
                case YOLO -> YoloLabels.format(sample.objects(), sample.size());
                case VOC -> new VocAnnotation(imageName, sample.size(), sample.objects())
                        .toXml(dataset.classNames());
            };
            Files.writeString(labels.resolve(sample.name() + format.extension()), label, StandardCharsets.UTF_8);
        }
    }

    private static List<String> readClassNames(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "a data set folder needs " + CLASSES_FILE
                    + " with one class name a line");
        }
        List<String> names = Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::trim)
                .filter(name -> !name.isEmpty()).toList();
        try {
            return new DetectionDataset(names, List.of()).classNames();
        } catch (IllegalArgumentException e) {
            throw new LabelFormatException(file.toString(), e.getMessage(), e);
        }
    }

    private static List<Path> imageFiles(Path images) throws IOException {
        if (!Files.isDirectory(images)) {
            throw new NoSuchFileException(images.toString(), null, "a data set folder needs an " + IMAGES_FOLDER
                    + " folder of PNG files");
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(images, "*" + IMAGE_EXTENSION)) {
            stream.forEach(files::add);
        }
        files.sort(Comparator.comparing(path -> path.getFileName().toString()));
        return files;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
