package org.cvkit.apps.augment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cvkit.augment.LabeledBox;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.ImageSize;

/**
 * YOLO (Darknet) labels: one line {@code CLASS CX CY W H} per object, the class a whole number and the box centre
 * and size as shares of the image width and height. A missing file means an image without objects.
 */
final class YoloLabels implements ImageLabels {

    private final List<String> classes;
    private final List<LabeledBox> boxes;

    private YoloLabels(List<String> classes, List<LabeledBox> boxes) {
        this.classes = classes;
        this.boxes = boxes;
    }

    /**
     * @param file the label file, which may be missing
     * @param size the size of its image
     * @return the labels
     * @throws IOException              if the file exists but cannot be read
     * @throws IllegalArgumentException if a line is not {@code CLASS CX CY W H} with values in range
     */
    static YoloLabels read(Path file, ImageSize size) throws IOException {
        List<String> classes = new ArrayList<>();
        List<LabeledBox> boxes = new ArrayList<>();
        if (!Files.exists(file)) {
            return new YoloLabels(classes, boxes);
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).trim();
            if (!line.isEmpty()) {
                String[] fields = line.split("\\s+");
                Box box = parseBox(file, number, fields).toPixels(size);
                boxes.add(new LabeledBox(box, Integer.toString(classes.size())));
                classes.add(fields[0]);
            }
        }
        return new YoloLabels(classes, boxes);
    }

    @Override
    public List<LabeledBox> boxes() {
        return boxes;
    }

    /** Labels each box with its class number. */
    @Override
    public List<LabeledBox> named(List<LabeledBox> indexed) {
        return indexed.stream().map(box -> new LabeledBox(box.box(), classes.get(Integer.parseInt(box.label()))))
                .toList();
    }

    @Override
    public void write(Path target, String imageName, ImageSize size, int channels, List<LabeledBox> moved)
            throws IOException {
        StringBuilder text = new StringBuilder();
        for (LabeledBox labeled : moved) {
            Box box = labeled.box().toNormalized(size);
            text.append(String.format(Locale.ROOT, "%s %.6f %.6f %.6f %.6f%n",
                    classes.get(Integer.parseInt(labeled.label())), box.centreX(), box.centreY(), box.width(),
                    box.height()));
        }
        Files.writeString(target, text, StandardCharsets.UTF_8);
    }

    private static Box parseBox(Path file, int number, String[] fields) {
        String where = file + " line " + number;
        if (fields.length != 5 || !fields[0].matches("\\d+")) {
            throw new IllegalArgumentException("malformed YOLO label " + where + ": expected 'CLASS CX CY W H' with a "
                    + "whole class number, got '" + String.join(" ", fields) + "'");
        }
        double[] values = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                values[i] = Double.parseDouble(fields[i + 1]);
            } catch (NumberFormatException e) {
                values[i] = Double.NaN;
            }
            if (!(values[i] >= 0 && values[i] <= 1)) {
                throw new IllegalArgumentException("malformed YOLO label " + where + ": '" + fields[i + 1]
                        + "' must be a number from 0 to 1 (a share of the image side)");
            }
        }
        return Box.fromCentre(values[0], values[1], values[2], values[3]);
    }
}
