package org.cvkit.detection.yolo;

import java.util.List;
import java.util.Objects;
import org.cvkit.detection.geometry.GroundTruth;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The YOLO training target of one image, from {@link YoloTargetEncoder}.
 *
 * @param tensor     {@code [G, G, A, 5 + C]}: for grid row, grid column and anchor, the course's vector
 *                   {@code [pc, bx, by, bh, bw, c1..cC]} ({@code bx, by} within the cell, {@code bh, bw} in cells)
 * @param unassigned objects left out because an earlier object already took their cell and anchor
 */
public record YoloTarget(INDArray tensor, List<GroundTruth> unassigned) {

    /** Validates the parts and copies the list. */
    public YoloTarget {
        Objects.requireNonNull(tensor, "tensor");
        unassigned = List.copyOf(unassigned);
    }

    /**
     * @param row    grid row, from the top
     * @param column grid column, from the left
     * @param anchor anchor index
     * @return the target vector of that cell and anchor
     */
    public double[] vector(int row, int column, int anchor) {
        return tensor.get(NDArrayIndex.point(row), NDArrayIndex.point(column), NDArrayIndex.point(anchor),
                NDArrayIndex.all()).toDoubleVector();
    }
}
