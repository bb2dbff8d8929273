package org.cvkit.detection.geometry;

import java.util.Arrays;

/**
 * The greedy step of non-max suppression for one group of boxes already in descending score order: each box is
 * kept unless a kept box overlaps it with IoU at or above the threshold {@code t}.
 *
 * <p>Only nearby kept boxes can reach that IoU. If {@code IoU(B, K) >= t > 0}, the overlap width {@code ow}
 * satisfies {@code ow >= t max(wB, wK)} (the overlap height is at most either height) and
 * {@code ow <= (wB + wK) / 2 - |cxB - cxK|} (intervals with centres {@code d} apart overlap by at most the sum of
 * their half widths minus {@code d}). Maximizing over the widths {@code wK} that remain possible,
 * {@code t wB <= wK <= wB / t}, gives {@code |cxB - cxK| <= R(t) wB} with {@code R(t) = (1 - t) max(1, 1 / (2t))}
 * (a half width at {@code t = 0.5}), and likewise vertically. Kept boxes are therefore filed by centre in a
 * uniform grid, and a candidate is compared only with the kept boxes whose centres fall in the cells within that
 * reach. The result is exactly the all-pairs algorithm's; random boxes cost about O(n) after the sort instead of
 * O(n · kept).
 */
final class GreedySuppression {

    /** Widens every reach by this fraction of the coordinates' size, against rounding at the exact boundary. */
    private static final double ROUNDING_SLACK = 1e-9;

    private GreedySuppression() {
    }

    /**
     * @param candidates   all candidates
     * @param group        indices of the candidates to suppress among, in descending score order
     * @param iouThreshold suppress at IoU of at least this, in [0, 1]
     * @return the indices of the kept candidates, in descending score order
     */
    static int[] survivors(Candidates candidates, int[] group, double iouThreshold) {
        if (group.length == 0) {
            return group;
        }
        if (iouThreshold == 0) {
            // IoU >= 0 holds for every pair: the best box suppresses all others.
            return new int[] {group[0]};
        }
        double[][] corners = candidates.corners(group);
        KeptCentreGrid grid = new KeptCentreGrid(corners[0], corners[1], corners[2], corners[3], iouThreshold);
        int[] kept = new int[group.length];
        int count = 0;
        for (int i = 0; i < group.length; i++) {
            if (!grid.isSuppressed(i)) {
                grid.add(i);
                kept[count++] = group[i];
            }
        }
        return Arrays.copyOf(kept, count);
    }

    /**
     * R(t): boxes whose IoU reaches {@code t > 0} have centres at most {@code R(t)} times the width of either
     * apart horizontally, and {@code R(t)} times the height of either vertically.
     */
    static double reach(double iouThreshold) {
        return (1 - iouThreshold) * Math.max(1, 1 / (2 * iouThreshold));
    }

    /** A uniform grid over the group's box centres; each cell lists the kept boxes centred in it. */
    private static final class KeptCentreGrid {

        private static final int NO_ENTRY = -1;

        private final double[] x1;
        private final double[] y1;
        private final double[] x2;
        private final double[] y2;
        private final double iouThreshold;
        /** R(t): how many widths (heights) apart two centres can be for their IoU to reach the threshold. */
        private final double reach;
        private final double minCentreX;
        private final double minCentreY;
        private final int columns;
        private final int rows;
        private final double columnsPerUnit;
        private final double rowsPerUnit;
        /** First kept box of each cell; the rest of the cell's list chains through {@link #nextInCell}. */
        private final int[] cellHead;
        private final int[] nextInCell;

        KeptCentreGrid(double[] x1, double[] y1, double[] x2, double[] y2, double iouThreshold) {
            this.x1 = x1;
            this.y1 = y1;
            this.x2 = x2;
            this.y2 = y2;
            this.iouThreshold = iouThreshold;
            this.reach = reach(iouThreshold);
            int n = x1.length;
            double lowX = Double.POSITIVE_INFINITY;
            double lowY = Double.POSITIVE_INFINITY;
            double highX = Double.NEGATIVE_INFINITY;
            double highY = Double.NEGATIVE_INFINITY;
            double widths = 0;
            double heights = 0;
            for (int i = 0; i < n; i++) {
                lowX = Math.min(lowX, centreX(i));
                lowY = Math.min(lowY, centreY(i));
                highX = Math.max(highX, centreX(i));
                highY = Math.max(highY, centreY(i));
                widths += x2[i] - x1[i];
                heights += y2[i] - y1[i];
            }
            minCentreX = lowX;
            minCentreY = lowY;
            // Cells a quarter of an average box's reach (both sides) wide: a typical query spans about 5 x 5
            // cells, so the cells it reads cover little more than the reach itself.
            int maxCells = 4 * n;
            int wantedColumns = cellsAlong(highX - lowX, reach * widths / n / 2, maxCells);
            int wantedRows = cellsAlong(highY - lowY, reach * heights / n / 2, maxCells);
            double shrink = Math.min(1, Math.sqrt(maxCells / ((double) wantedColumns * wantedRows)));
            columns = Math.max(1, (int) (wantedColumns * shrink));
            rows = Math.max(1, (int) (wantedRows * shrink));
            columnsPerUnit = highX > lowX ? columns / (highX - lowX) : 0;
            rowsPerUnit = highY > lowY ? rows / (highY - lowY) : 0;
            cellHead = new int[columns * rows];
            Arrays.fill(cellHead, NO_ENTRY);
            nextInCell = new int[n];
        }

        /** Tells whether a kept box overlaps candidate {@code i} with IoU at or above the threshold. */
        boolean isSuppressed(int i) {
            double centreX = centreX(i);
            double centreY = centreY(i);
            double reachX = reach * (x2[i] - x1[i]) + ROUNDING_SLACK * (x2[i] - x1[i] + Math.abs(centreX));
            double reachY = reach * (y2[i] - y1[i]) + ROUNDING_SLACK * (y2[i] - y1[i] + Math.abs(centreY));
            int lastColumn = column(centreX + reachX);
            int lastRow = row(centreY + reachY);
            for (int row = row(centreY - reachY); row <= lastRow; row++) {
                for (int column = column(centreX - reachX); column <= lastColumn; column++) {
                    for (int kept = cellHead[row * columns + column]; kept != NO_ENTRY; kept = nextInCell[kept]) {
                        if (Iou.of(x1[kept], y1[kept], x2[kept], y2[kept], x1[i], y1[i], x2[i], y2[i])
                                >= iouThreshold) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        /** Files kept box {@code i} in the cell holding its centre. */
        void add(int i) {
            int cell = row(centreY(i)) * columns + column(centreX(i));
            nextInCell[i] = cellHead[cell];
            cellHead[cell] = i;
        }

        private double centreX(int i) {
            return (x1[i] + x2[i]) / 2;
        }

        private double centreY(int i) {
            return (y1[i] + y2[i]) / 2;
        }

        private int column(double x) {
            return Math.max(0, Math.min(columns - 1, (int) ((x - minCentreX) * columnsPerUnit)));
        }

        private int row(double y) {
            return Math.max(0, Math.min(rows - 1, (int) ((y - minCentreY) * rowsPerUnit)));
        }

        private static int cellsAlong(double extent, double cellSide, int maxCells) {
            if (!(extent > 0 && cellSide > 0)) {
                return 1;
            }
            return (int) Math.max(1, Math.min(Math.ceil(extent / cellSide), maxCells));
        }
    }
}
