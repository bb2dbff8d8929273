package org.cvkit.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.cvkit.core.image.Normalization;

/**
 * Fashion-MNIST (Zalando, 2017): 28x28 grey images of clothing in 10 classes, 60,000 for training and 10,000 for
 * testing, distributed as four gzip-compressed IDX files.
 */
public final class FashionMnist {

    /** The class names in label order 0..9. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    /** Image height and width in pixels. */
    public static final int IMAGE_SIZE = 28;
    /**
     * Standardization with the mean (0.2860) and standard deviation (0.3530) of the 60,000 training images' pixels
     * scaled to 0..1, for {@link LabeledImageSet#normalized}: inputs then have mean 0 and variance 1, which speeds up
     * training.
     */
    public static final Normalization STANDARDIZATION =
            Normalization.of(1 / 255.0, new double[] {0.2860}, new double[] {0.3530});

    /** The two published splits and their file names. */
    public enum Split {
        /** 60,000 training images. */
        TRAIN("train"),
        /** 10,000 test images. */
        TEST("t10k");

        private final String prefix;

        Split(String prefix) {
            this.prefix = prefix;
        }

        /** @return the name of the gzip-compressed image file, for example {@code train-images-idx3-ubyte.gz} */
        public String imagesFile() {
            return prefix + "-images-idx3-ubyte.gz";
        }

        /** @return the name of the gzip-compressed label file, for example {@code train-labels-idx1-ubyte.gz} */
        public String labelsFile() {
            return prefix + "-labels-idx1-ubyte.gz";
        }
    }

    private FashionMnist() {
    }

    /**
     * Loads a split from a directory holding the published files ({@link Split#imagesFile()} and
     * {@link Split#labelsFile()}), or the same names without {@code .gz} if they were uncompressed.
     *
     * @param directory the directory
     * @param split     which split
     * @return the images and labels
     * @throws NoSuchFileException if a file is missing; the message names both names looked for
     * @throws IdxFormatException  if a file is not valid IDX data
     * @throws IOException         if reading fails
     */
    public static LabeledImageSet load(Path directory, Split split) throws IOException {
        IdxImages images = IdxReader.readImages(locate(directory, split.imagesFile()));
        int[] labels = IdxReader.readLabels(locate(directory, split.labelsFile()));
        return new LabeledImageSet(images, labels, CLASS_NAMES);
    }

    /**
     * Reads a split from streams, which are read but not closed.
     *
     * @param images the IDX image data, plain or gzip-compressed
     * @param labels the IDX label data, plain or gzip-compressed
     * @return the images and labels
     * @throws IdxFormatException       if the data is not valid IDX data
     * @throws IllegalArgumentException if the image and label counts differ or a label is not 0..9
     * @throws IOException              if reading fails
     */
    public static LabeledImageSet read(InputStream images, InputStream labels) throws IOException {
        return new LabeledImageSet(IdxReader.readImages(images), IdxReader.readLabels(labels), CLASS_NAMES);
    }

    private static Path locate(Path directory, String gzipName) throws NoSuchFileException {
        Path compressed = directory.resolve(gzipName);
        if (Files.isRegularFile(compressed)) {
            return compressed;
        }
        String plainName = gzipName.substring(0, gzipName.length() - ".gz".length());
        Path plain = directory.resolve(plainName);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        throw new NoSuchFileException(compressed.toString(), null,
                "Fashion-MNIST file missing (neither " + gzipName + " nor " + plainName + " is in " + directory + ")");
    }
}
