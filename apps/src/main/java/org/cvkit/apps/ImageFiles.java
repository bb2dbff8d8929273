package org.cvkit.apps;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.core.io.AtomicFiles;

/** Image files as the commands read and write them: by extension, through OpenCV, as 8-bit BGR. */
public final class ImageFiles {

    /** The extensions (lower case, without the dot) of the image files the commands read. */
    public static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "tif", "tiff", "webp");

    private ImageFiles() {
    }

    /**
     * @param file a path
     * @return whether its extension is one of {@link #EXTENSIONS}, in any case
     */
    public static boolean isImage(Path file) {
        return EXTENSIONS.contains(extension(file).toLowerCase(Locale.ROOT));
    }

    /**
     * Checks an output picture's name before any work is done.
     *
     * @param option the option that names it, for the message, e.g. {@code --out}
     * @param file   the picture to write, or {@code null} when none is asked for
     * @throws IllegalArgumentException if its extension names no image format or its folder does not exist
     */
    public static void requireWritableImage(String option, Path file) {
        if (file == null) {
            return;
        }
        if (!isImage(file)) {
            throw new IllegalArgumentException(option + " must be an image file ending in one of "
                    + String.join(", ", EXTENSIONS.stream().sorted().toList()) + ", not " + file);
        }
        if (!Files.isDirectory(file.toAbsolutePath().getParent())) {
            throw new IllegalArgumentException("the folder of " + option + " " + file + " does not exist");
        }
    }

    /**
     * @param folder a folder
     * @return the image files directly inside it, sorted by name
     * @throws IOException              if the folder cannot be listed
     * @throws IllegalArgumentException if it holds no image
     */
    public static List<Path> list(Path folder) throws IOException {
        List<Path> images;
        try (Stream<Path> files = Files.list(folder)) {
            images = files.filter(file -> Files.isRegularFile(file) && isImage(file)).sorted().toList();
        }
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no images in " + folder + "; expected files ending in "
                    + String.join(", ", EXTENSIONS.stream().sorted().toList()));
        }
        return images;
    }

    /**
     * @param file an image file
     * @return the image as 8-bit BGR, which the caller closes
     * @throws NoSuchFileException      if the file does not exist
     * @throws IllegalArgumentException if OpenCV cannot decode it
     */
    public static Mat read(Path file) throws NoSuchFileException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        Mat image = imread(file.toString(), IMREAD_COLOR);
        if (image.isNull() || image.empty()) {
            image.close();
            throw new IllegalArgumentException("cannot read image " + file + ": the file is corrupt or not an image");
        }
        return image;
    }

    /**
     * Writes an image atomically: a reader never sees half of it, and a failure leaves no file behind.
     *
     * @param file  where to write; the extension chooses the format
     * @param image the image
     * @throws IOException              if the file cannot be written
     * @throws IllegalArgumentException if OpenCV cannot encode the image in the format the extension names
     */
    public static void write(Path file, Mat image) throws IOException {
        byte[] encoded;
        try (BytePointer buffer = new BytePointer()) {
            if (!isImage(file) || !imencode("." + extension(file), image, buffer)) {
                throw new IllegalArgumentException("cannot write an image to " + file + "; end the file name with "
                        + "one of " + String.join(", ", EXTENSIONS.stream().sorted().toList()));
            }
            encoded = new byte[(int) buffer.limit()];
            buffer.get(encoded);
        }
        AtomicFiles.write(file, temporary -> Files.write(temporary, encoded));
    }

    /**
     * @param file a path
     * @return its file name without the last extension
     */
    public static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    /**
     * @param file a path
     * @return its last extension without the dot, or an empty string
     */
    public static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}
