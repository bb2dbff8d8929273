package org.cvkit.face.siamese;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.core.image.ImageTensorFormat;
import org.cvkit.core.image.ImageTensors;
import org.cvkit.core.image.Resize;
import org.cvkit.core.io.ModelMetadata;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A folder-per-identity data set: {@code root/<identity>/<image>}, one sub-folder per person (its name is the
 * identity's name), holding that person's images (JPEG, PNG, BMP, TIFF, WebP or PNM). Folders are taken in name
 * order, images in file-name order; hidden files, other files and sub-folders without images are left out.
 *
 * <p>Only the file list is held in memory: every {@link #image(int)} call decodes the file with OpenCV (grey for a
 * one-channel shape, colour otherwise) and stretches it to the shape's size. Immutable.
 */
public final class IdentityFolders implements IdentityImages {

    /** File name extensions read as images, in lower case. */
    public static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "tif", "tiff", "webp",
            "pgm", "ppm", "pbm", "pnm");

    private final List<Path> files;
    private final int[] identities;
    private final List<String> names;
    private final ModelMetadata.InputShape shape;
    private final ImageTensorFormat format;

    private IdentityFolders(List<Path> files, int[] identities, List<String> names, ModelMetadata.InputShape shape,
                            ImageTensorFormat format) {
        this.files = files;
        this.identities = identities;
        this.names = names;
        this.shape = shape;
        this.format = format;
    }

    /**
     * Lists a folder-per-identity data set.
     *
     * @param root   the folder holding one sub-folder per identity
     * @param shape  the size every image is stretched to and its channel count (1 for grey, 3 for colour)
     * @param format the channel order and normalization of the image tensors
     * @return the data set
     * @throws NoSuchFileException      if the root does not exist
     * @throws NotDirectoryException    if the root is not a folder
     * @throws IllegalArgumentException if no sub-folder holds an image, the channel count is not 1 or 3, or the
     *                                  normalization does not fit it
     * @throws IOException              if a folder cannot be listed
     */
    public static IdentityFolders open(Path root, ModelMetadata.InputShape shape, ImageTensorFormat format)
            throws IOException {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(format, "format");
        if (shape.channels() != 1 && shape.channels() != 3) {
            throw new IllegalArgumentException("images must have 1 (grey) or 3 (colour) channels but the shape has "
                    + shape.channels());
        }
        if (!format.normalization().fits(shape.channels())) {
            throw new IllegalArgumentException("normalization " + format.normalization() + " does not fit "
                    + shape.channels() + " channel(s)");
        }
        if (!Files.exists(root)) {
            throw new NoSuchFileException(root.toString(), null, "no such data set folder");
        }
        if (!Files.isDirectory(root)) {
            throw new NotDirectoryException(root.toString());
        }
        List<Path> files = new ArrayList<>();
        List<Integer> identities = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path folder : sortedEntries(root)) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            List<Path> images = sortedEntries(folder).stream().filter(IdentityFolders::isImageFile).toList();
            if (!images.isEmpty()) {
                for (Path image : images) {
                    files.add(image);
                    identities.add(names.size());
                }
                names.add(folder.getFileName().toString());
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no identity folder with images in " + root + "; expected one"
                    + " sub-folder per person holding that person's images, e.g. " + root.resolve("alice")
                    .resolve("1.jpg") + " (extensions " + String.join(", ", IMAGE_EXTENSIONS.stream().sorted()
                    .toList()) + ")");
        }
        return new IdentityFolders(List.copyOf(files), identities.stream().mapToInt(Integer::intValue).toArray(),
                List.copyOf(names), shape, format);
    }

    /**
     * @param index an image
     * @return its file
     */
    public Path file(int index) {
        return files.get(index);
    }

    @Override
    public int size() {
        return files.size();
    }

    @Override
    public int identity(int index) {
        return identities[Objects.checkIndex(index, identities.length)];
    }

    @Override
    public List<String> identityNames() {
        return names;
    }

    @Override
    public ModelMetadata.InputShape shape() {
        return shape;
    }

    @Override
    public ImageTensorFormat format() {
        return format;
    }

    /**
     * Reads, resizes and converts one image.
     *
     * @throws UncheckedIOException if the file cannot be decoded as an image
     */
    @Override
    public INDArray image(int index) {
        Path file = files.get(index);
        try (Mat decoded = imread(file.toString(), shape.channels() == 1 ? IMREAD_GRAYSCALE : IMREAD_COLOR)) {
            if (decoded.empty()) {
                throw new UncheckedIOException(new IOException("cannot read image " + file
                        + "; the file is missing, damaged or not an image"));
            }
            if (decoded.rows() == shape.height() && decoded.cols() == shape.width()) {
                return ImageTensors.toTensor(decoded, format);
            }
            try (Mat resized = Resize.stretch(decoded, new ImageSize(shape.width(), shape.height()))) {
                return ImageTensors.toTensor(resized, format);
            }
        }
    }

    private static List<Path> sortedEntries(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(entry -> !entry.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    private static boolean isImageFile(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return Files.isRegularFile(file) && dot > 0
                && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
