package org.cvkit.apps.augment;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_core.hconcat;
import static org.bytedeco.opencv.global.opencv_core.vconcat;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
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

    private static final int GAP = 4;

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
        List<Mat> joinedRows = new ArrayList<>();
        try (Scalar background = new Scalar(32, 32, 32, 0)) {
            for (List<Mat> row : rows) {
                joinedRows.add(join(row, true, background));
            }
            int width = joinedRows.stream().mapToInt(Mat::cols).max().orElse(1);
            List<Mat> padded = new ArrayList<>();
            for (Mat row : joinedRows) {
                Mat wide = new Mat();
                copyMakeBorder(row, wide, 0, 0, 0, width - row.cols(), BORDER_CONSTANT, background);
                padded.add(wide);
            }
            try (Mat sheet = join(padded, false, background)) {
                ImageFiles.write(file, sheet);
            }
            padded.forEach(Mat::close);
        } finally {
            joinedRows.forEach(Mat::close);
        }
    }

    /** Joins tiles side by side ({@code across}) or rows one below the other, with a gap after each but the last. */
    private static Mat join(List<Mat> parts, boolean across, Scalar background) {
        List<Mat> spaced = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            int gap = i == parts.size() - 1 ? 0 : GAP;
            Mat part = new Mat();
            copyMakeBorder(parts.get(i), part, 0, across ? 0 : gap, 0, across ? gap : 0, BORDER_CONSTANT, background);
            spaced.add(part);
        }
        Mat joined = new Mat();
        try (MatVector vector = new MatVector(spaced.toArray(Mat[]::new))) {
            if (across) {
                hconcat(vector, joined);
            } else {
                vconcat(vector, joined);
            }
        } finally {
            spaced.forEach(Mat::close);
        }
        return joined;
    }

    @Override
    public void close() {
        rows.forEach(row -> row.forEach(Mat::close));
        rows.clear();
    }
}
