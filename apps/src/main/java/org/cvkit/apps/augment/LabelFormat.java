package org.cvkit.apps.augment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.cvkit.augment.LabeledBox;
import org.cvkit.core.geometry.ImageSize;
import picocli.CommandLine.ITypeConverter;

/** The label formats {@code cvkit augment} reads and writes, each next to its image with the image's file stem. */
enum LabelFormat {
    /** Pascal VOC XML, {@code STEM.xml}. */
    VOC("xml"),
    /** YOLO text, {@code STEM.txt}. */
    YOLO("txt"),
    /** Images only. */
    NONE(null);

    private static final ImageLabels UNLABELLED = new ImageLabels() {
        @Override
        public List<LabeledBox> boxes() {
            return List.of();
        }

        @Override
        public List<LabeledBox> named(List<LabeledBox> indexed) {
            return indexed;
        }

        /** Writes nothing: unlabelled images have no label file. */
        @Override
        public void write(Path target, String imageName, ImageSize size, int channels, List<LabeledBox> moved) {
        }
    };

    private final String extension;

    LabelFormat(String extension) {
        this.extension = extension;
    }

    /** @return true if the format has label files */
    boolean hasFiles() {
        return extension != null;
    }

    /**
     * @param folder where the file lives
     * @param stem   the image's file name without its extension
     * @return the label file of that image
     */
    Path labelFile(Path folder, String stem) {
        return folder.resolve(stem + "." + extension);
    }

    /**
     * Reads the labels of one image.
     *
     * @param folder the folder of the image
     * @param stem   the image's file name without its extension
     * @param size   the image's size
     * @return the labels (none for {@link #NONE})
     * @throws IOException              if a label file cannot be read
     * @throws IllegalArgumentException if a label file is malformed, or a VOC file is missing
     */
    ImageLabels read(Path folder, String stem, ImageSize size) throws IOException {
        return switch (this) {
            case VOC -> VocLabels.read(labelFile(folder, stem));
            case YOLO -> YoloLabels.read(labelFile(folder, stem), size);
            case NONE -> UNLABELLED;
        };
    }

    /** Reads {@code voc}, {@code yolo} or {@code none} in any case. */
    static final class Converter implements ITypeConverter<LabelFormat> {
        @Override
        public LabelFormat convert(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--labels must be voc, yolo or none but is '" + value + "'", e);
            }
        }
    }
}
