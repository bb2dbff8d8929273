package org.cvkit.detection.yolo;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Hand-built Darknet-layout outputs for the decoder tests: every objectness logit -20 unless set. */
final class YoloOutputs {

    private final INDArray output;
    private final int fields;

    YoloOutputs(int images, int anchors, int classes, int rows, int columns) {
        fields = YoloLayout.BOX_FIELDS + classes;
        output = Nd4j.zeros(DataType.FLOAT, images, anchors * fields, rows, columns);
        for (int image = 0; image < images; image++) {
            for (int a = 0; a < anchors; a++) {
                for (int row = 0; row < rows; row++) {
                    for (int column = 0; column < columns; column++) {
                        set(image, a, YoloLayout.OBJECTNESS, row, column, -20);
                    }
                }
            }
        }
    }

    /** Sets {@code tx, ty, tw, th, objectness} and the class logits of one anchor in one cell of image 0. */
    YoloOutputs cell(int anchor, int row, int column, double... values) {
        for (int field = 0; field < values.length; field++) {
            set(0, anchor, field, row, column, values[field]);
        }
        return this;
    }

    INDArray array() {
        return output;
    }

    private void set(int image, int anchor, int field, int row, int column, double value) {
        output.putScalar(new int[] {image, anchor * fields + field, row, column}, value);
    }
}
