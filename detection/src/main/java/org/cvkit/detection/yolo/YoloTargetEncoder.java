package org.cvkit.detection.yolo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cvkit.core.geometry.Box;
import org.cvkit.detection.geometry.BoxShape;
import org.cvkit.detection.geometry.GroundTruth;
import org.cvkit.detection.geometry.Iou;
import org.cvkit.detection.localization.LocalizationTarget;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Builds the course's YOLO training target for a {@code G x G} grid, A anchors and C classes: a
 * {@code G x G x A x (5 + C)} tensor (3x3x2x8 for a 3x3 grid, 2 anchors and 3 classes). Each object
 * goes to the cell holding its midpoint and to the anchor whose shape has the highest IoU with its own; that
 * slot gets {@code [1, bx, by, bh, bw, one-hot class]} with {@code (bx, by)} the midpoint relative to the cell
 * (0 to 1) and {@code bh, bw} the size in cells (which may exceed 1). Every other slot is all zero: pc = 0 and
 * "don't care". A midpoint on a cell border belongs to the cell right of or below it (the last cell at the
 * image's edge). When two objects claim one slot the first keeps it and the other is reported as unassigned.
 *
 * @param gridSize   G, cells per side, positive
 * @param anchors    anchor shapes in grid cells, at least one
 * @param numClasses C, positive
 */
public record YoloTargetEncoder(int gridSize, List<BoxShape> anchors, int numClasses) {

    /** Validates the grid size, anchors and class count. */
    public YoloTargetEncoder {
        if (gridSize < 1) {
            throw new IllegalArgumentException("the grid size must be positive but is " + gridSize);
        }
        anchors = YoloLayout.requireAnchors(anchors);
        YoloLayout.requireClasses(numClasses);
    }

    /**
     * Encodes the objects of one image.
     *
     * @param objects the objects, boxes in normalized image coordinates ({@code (1, 1)} at the bottom-right
     *                corner) with positive size and the midpoint inside the image
     * @return the target, a new double tensor {@code [G, G, A, 5 + C]}
     * @throws IllegalArgumentException if a midpoint lies outside the image, a box is empty or a class is not
     *                                  below C
     */
    public YoloTarget encode(List<GroundTruth> objects) {
        Objects.requireNonNull(objects, "objects");
        INDArray tensor = Nd4j.zeros(DataType.DOUBLE, gridSize, gridSize, anchors.size(),
                LocalizationTarget.length(numClasses));
        List<GroundTruth> unassigned = new ArrayList<>();
        for (GroundTruth object : objects) {
            Box box = object.box();
            double centreX = box.centreX();
            double centreY = box.centreY();
            if (centreX < 0 || centreX > 1 || centreY < 0 || centreY > 1) {
                throw new IllegalArgumentException("the midpoint of " + box + " lies outside the image; give boxes"
                        + " in normalized image coordinates, for example box.toNormalized(size)");
            }
            int column = cellOf(centreX);
            int row = cellOf(centreY);
            BoxShape shape = new BoxShape(box.width() * gridSize, box.height() * gridSize);
            int anchor = bestAnchor(shape);
            double[] vector = LocalizationTarget.of(centreX * gridSize - column, centreY * gridSize - row,
                    shape.height(), shape.width(), object.classIndex(), numClasses);
            INDArray slot = tensor.get(NDArrayIndex.point(row), NDArrayIndex.point(column),
                    NDArrayIndex.point(anchor), NDArrayIndex.all());
            if (slot.getDouble(LocalizationTarget.PC) == 1) {
                unassigned.add(object);
            } else {
                slot.assign(Nd4j.createFromArray(vector));
            }
        }
        return new YoloTarget(tensor, unassigned);
    }

    private int cellOf(double normalized) {
        return Math.min(gridSize - 1, (int) (normalized * gridSize));
    }

    /** The anchor with the highest IoU with the shape, the lowest index on ties. */
    private int bestAnchor(BoxShape shape) {
        int best = 0;
        for (int a = 1; a < anchors.size(); a++) {
            if (Iou.of(shape, anchors.get(a)) > Iou.of(shape, anchors.get(best))) {
                best = a;
            }
        }
        return best;
    }
}
