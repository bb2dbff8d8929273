package org.cvkit.apps.augment;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.cvkit.apps.ContactSheet;
import org.cvkit.apps.ImageFiles;
import org.cvkit.augment.LabeledBox;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.detection.media.DetectionPainter;

/**
 * A contact sheet of the first few images of a run, one row each: the original, then its augmented copies, each
 * with its boxes drawn and labelled, scaled to one height. What {@code cvkit augment --preview} writes.
 */
final class AugmentationPreview implements AutoCloseable {

    /** How many input images the sheet shows. */
    static final int ROWS = 4;
    /** Height of every tile in pixels. */
    static final int TILE_HEIGHT = 200;

    private final DetectionPainter painter = DetectionPainter.withoutScores();
    private final Map<String, Integer> classes = new HashMap<>();
    private final List<List<Mat>> rows = new ArrayList<>();

    /** @return whether the sheet has room for another input image */
    boolean wantsMore() {
        return rows.size() < ROWS;
    }

    /**
     * Starts a row with an input image.
     *
     * @param image the original, not changed
     * @param boxes its boxes
     */
    void addOriginal(Mat image, List<LabeledBox> boxes) {
        rows.add(new ArrayList<>());
        addCopy(image, boxes);
    }

    /**
     * Adds an augmented copy to the current row.
     *
     * @param image the copy, not changed
     * @param boxes its moved boxes
     */
    void addCopy(Mat image, List<LabeledBox> boxes) {
        double scale = TILE_HEIGHT / (double) image.rows();
        Mat tile = new Mat();
        try (Size size = new Size(Math.max(1, (int) Math.round(image.cols() * scale)), TILE_HEIGHT)) {
            resize(image, tile, size, 0, 0, INTER_AREA);
        }
        painter.paint(tile, boxes.stream().map(box -> new Detection(box.box().scale(scale, scale),
                classes.computeIfAbsent(box.label(), label -> classes.size()), box.label(), 1)).toList());
        rows.get(rows.size() - 1).add(tile);
    }

    /**
     * Writes the sheet.
     *
     * @param file a PNG or JPEG file, written atomically
     * @throws IOException if it cannot be written
     */
    void write(Path file) throws IOException {
        try (Mat sheet = ContactSheet.of(rows)) {
            ImageFiles.write(file, sheet);
        }
    }

    @Override
    public void close() {
        rows.forEach(row -> row.forEach(Mat::close));
        rows.clear();
    }
}
