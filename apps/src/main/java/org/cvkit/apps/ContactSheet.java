package org.cvkit.apps;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_core.hconcat;
import static org.bytedeco.opencv.global.opencv_core.vconcat;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Lays out pictures in rows on a dark background, for the pictures commands draw of their results. */
public final class ContactSheet {

    private static final int GAP = 4;

    private ContactSheet() {
    }

    /**
     * @param rows rows of 8-bit BGR tiles, each row's tiles of one height; not changed
     * @return the tiles side by side and the rows one below the other, with a gap between them and narrower rows
     *     filled out on the right; the caller closes it
     * @throws IllegalArgumentException if there is no tile
     */
    public static Mat of(List<List<Mat>> rows) {
        if (rows.stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("a contact sheet needs at least one picture");
        }
        List<Mat> joinedRows = new ArrayList<>();
        List<Mat> padded = new ArrayList<>();
        try (Scalar background = new Scalar(32, 32, 32, 0)) {
            for (List<Mat> row : rows) {
                if (!row.isEmpty()) {
                    joinedRows.add(join(row, true, background));
                }
            }
            int width = joinedRows.stream().mapToInt(Mat::cols).max().orElseThrow();
            for (Mat row : joinedRows) {
                Mat wide = new Mat();
                copyMakeBorder(row, wide, 0, 0, 0, width - row.cols(), BORDER_CONSTANT, background);
                padded.add(wide);
            }
            return join(padded, false, background);
        } finally {
            joinedRows.forEach(Mat::close);
            padded.forEach(Mat::close);
        }
    }

    /** Joins tiles side by side ({@code across}) or one below the other, with a gap after each but the last. */
    private static Mat join(List<Mat> parts, boolean across, Scalar background) {
        List<Mat> spaced = new ArrayList<>();
        try {
            for (int i = 0; i < parts.size(); i++) {
                int gap = i == parts.size() - 1 ? 0 : GAP;
                Mat part = new Mat();
                copyMakeBorder(parts.get(i), part, 0, across ? 0 : gap, 0, across ? gap : 0, BORDER_CONSTANT,
                        background);
                spaced.add(part);
            }
            Mat joined = new Mat();
            try (MatVector vector = new MatVector(spaced.toArray(Mat[]::new))) {
                if (across) {
                    hconcat(vector, joined);
                } else {
                    vconcat(vector, joined);
                }
            }
            return joined;
        } finally {
            spaced.forEach(Mat::close);
        }
    }
}
