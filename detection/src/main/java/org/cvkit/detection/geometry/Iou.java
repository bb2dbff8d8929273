package org.cvkit.detection.geometry;

import java.util.List;
import org.cvkit.core.geometry.Box;

/**
 * Intersection over union, {@code IoU = area(B1 ∩ B2) / area(B1 ∪ B2)}: 1 for identical boxes, 0 for boxes that
 * do not overlap (or only touch). The course calls a detection correct when its IoU with the truth is at least
 * 0.5. Boxes without a common area have IoU 0, so two empty boxes do too.
 */
public final class Iou {

    private Iou() {
    }

    /**
     * The IoU of two boxes.
     *
     * @param a a box
     * @param b another box, in the same units
     * @return the IoU in [0, 1]
     */
    public static double of(Box a, Box b) {
        return of(a.x1(), a.y1(), a.x2(), a.y2(), b.x1(), b.y1(), b.x2(), b.y2());
    }

    /**
     * The IoU of two box shapes placed at a common centre: {@code min(w) min(h) / union}. This is the similarity
     * behind anchor selection (distance {@code 1 - IoU}) and behind assigning an object to its best anchor.
     *
     * @param a a shape
     * @param b another shape, in the same units
     * @return the IoU in (0, 1]
     */
    public static double of(BoxShape a, BoxShape b) {
        double intersection = Math.min(a.width(), b.width()) * Math.min(a.height(), b.height());
        return intersection / (a.area() + b.area() - intersection);
    }

    /**
     * The IoU of every row box with every column box.
     *
     * @param rows    boxes giving the rows
     * @param columns boxes giving the columns, in the same units
     * @return {@code m[i][j] = IoU(rows[i], columns[j])}, of size {@code rows.size() x columns.size()}
     */
    public static double[][] matrix(List<Box> rows, List<Box> columns) {
        double[][] matrix = new double[rows.size()][columns.size()];
        for (int i = 0; i < matrix.length; i++) {
            Box row = rows.get(i);
            for (int j = 0; j < matrix[i].length; j++) {
                matrix[i][j] = of(row, columns.get(j));
            }
        }
        return matrix;
    }

    /** The IoU of two boxes given by their corners; the hot path of the suppressors. */
    static double of(double ax1, double ay1, double ax2, double ay2,
                     double bx1, double by1, double bx2, double by2) {
        double overlapWidth = Math.min(ax2, bx2) - Math.max(ax1, bx1);
        double overlapHeight = Math.min(ay2, by2) - Math.max(ay1, by1);
        if (overlapWidth <= 0 || overlapHeight <= 0) {
            return 0;
        }
        double intersection = overlapWidth * overlapHeight;
        return intersection / ((ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - intersection);
    }
}
