package org.cvkit.detection.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.detection.geometry.GroundTruth;

/**
 * Darknet's YOLO text labels: one line per object, {@code class centreX centreY width height}, separated by
 * spaces, with the class counted from 0 and the box normalized to the image ({@code 0 0.5 0.5 1 1} is an object of
 * class 0 filling the image). Coordinates are written with six decimals, so a box read back is within
 * {@code 5e-7} of the image size of the box written. Blank lines are ignored.
 */
public final class YoloLabels {

    private static final int FIELDS = 5;

    private YoloLabels() {
    }

    /**
     * Writes the labels of one image.
     *
     * @param objects the objects, boxes in pixels of the image
     * @param size    the image's size
     * @return one line per object, each ending in a line break
     */
    public static String format(List<GroundTruth> objects, ImageSize size) {
        Objects.requireNonNull(size, "size");
        StringBuilder text = new StringBuilder();
        for (GroundTruth object : objects) {
            Box box = object.box().toNormalized(size);
            text.append(String.format(Locale.ROOT, "%d %.6f %.6f %.6f %.6f%n", object.classIndex(), box.centreX(),
                    box.centreY(), box.width(), box.height()));
        }
        return text.toString();
    }

    /**
     * Reads the labels of one image.
     *
     * @param text       the label file's text
     * @param size       the image's size
     * @param numClasses the number of classes; every class must be below it
     * @param source     the file name, for error messages
     * @return the objects, boxes in pixels of the image
     * @throws LabelFormatException if a line does not hold five numbers, the class is not an integer below
     *                              {@code numClasses}, or the box does not lie within the image
     */
    public static List<GroundTruth> parse(String text, ImageSize size, int numClasses, String source)
            throws LabelFormatException {
        Objects.requireNonNull(size, "size");
        List<GroundTruth> objects = new ArrayList<>();
        String[] lines = text.split("\r?\n|\r");
        for (int number = 1; number <= lines.length; number++) {
            String line = lines[number - 1].trim();
            if (!line.isEmpty()) {
                objects.add(parseLine(line, size, numClasses, source + " line " + number));
            }
        }
        return objects;
    }

    private static GroundTruth parseLine(String line, ImageSize size, int numClasses, String where)
            throws LabelFormatException {
        String[] fields = line.split("\\s+");
        if (fields.length != FIELDS) {
            throw new LabelFormatException(where, "'" + line + "' must hold 5 fields: class centreX centreY width"
                    + " height");
        }
        int classIndex;
        double[] values = new double[FIELDS - 1];
        try {
            classIndex = Integer.parseInt(fields[0]);
            for (int i = 0; i < values.length; i++) {
                values[i] = Double.parseDouble(fields[i + 1]);
            }
        } catch (NumberFormatException e) {
            throw new LabelFormatException(where, "'" + line + "' must hold an integer class and four decimal"
                    + " numbers", e);
        }
        if (classIndex < 0 || classIndex >= numClasses) {
            throw new LabelFormatException(where, "class " + classIndex + " is not one of the " + numClasses
                    + " classes (0 to " + (numClasses - 1) + ")");
        }
        double centreX = values[0];
        double centreY = values[1];
        double width = values[2];
        double height = values[3];
        boolean inside = width >= 0 && height >= 0 && centreX - width / 2 >= -1e-6 && centreY - height / 2 >= -1e-6
                && centreX + width / 2 <= 1 + 1e-6 && centreY + height / 2 <= 1 + 1e-6;
        if (!inside) {
            throw new LabelFormatException(where, "box '" + line + "' does not lie within the image; give the"
                    + " centre and size as fractions of the image width and height, from 0 to 1");
        }
        return new GroundTruth(Box.fromCentre(centreX, centreY, width, height).toPixels(size), classIndex);
    }
}
