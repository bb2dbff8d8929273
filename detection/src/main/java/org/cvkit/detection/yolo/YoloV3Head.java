package org.cvkit.detection.yolo;

import java.util.List;
import java.util.Objects;
import org.cvkit.detection.geometry.BoxShape;

/**
 * One YOLOv3 output scale, as a Darknet {@code [yolo]} section describes it: all the network's anchors in
 * network-input pixels, the mask choosing the ones this scale predicts, the number of classes, and
 * {@code scale_x_y} (1 in YOLOv3; larger values, such as 1.05, let centres reach the cell borders). Its output
 * has {@code mask * (5 + classes)} channels.
 *
 * @param anchors    every anchor of the network, in input pixels
 * @param mask       indices into {@code anchors} of this scale's anchors, at least one
 * @param numClasses number of classes, positive
 * @param scaleXY    the {@code scale_x_y} factor, positive
 */
public record YoloV3Head(List<BoxShape> anchors, List<Integer> mask, int numClasses, double scaleXY) {

    /** Validates and copies the anchors and the mask; checks the class count and the scale. */
    public YoloV3Head {
        anchors = YoloLayout.requireAnchors(anchors);
        mask = List.copyOf(Objects.requireNonNull(mask, "mask"));
        if (mask.isEmpty()) {
            throw new IllegalArgumentException("a YOLOv3 head needs at least one anchor in its mask");
        }
        for (int index : mask) {
            if (index < 0 || index >= anchors.size()) {
                throw new IllegalArgumentException("mask index " + index + " does not name one of the "
                        + anchors.size() + " anchors (0 to " + (anchors.size() - 1) + ")");
            }
        }
        YoloLayout.requireClasses(numClasses);
        if (!(scaleXY > 0 && Double.isFinite(scaleXY))) {
            throw new IllegalArgumentException("scale_x_y must be positive and finite but is " + scaleXY
                    + "; Darknet's default is 1");
        }
    }

    /**
     * A head with {@code scale_x_y = 1}, as in YOLOv3.
     *
     * @param anchors    every anchor of the network, in input pixels
     * @param mask       indices of this scale's anchors
     * @param numClasses number of classes
     * @return the head
     */
    public static YoloV3Head of(List<BoxShape> anchors, List<Integer> mask, int numClasses) {
        return new YoloV3Head(anchors, mask, numClasses, 1);
    }

    /** @return the anchors this scale predicts, in mask order */
    public List<BoxShape> maskedAnchors() {
        return mask.stream().map(anchors::get).toList();
    }

    /** @return the channels of the layer's output, {@code mask * (5 + classes)} */
    public int channels() {
        return mask.size() * (YoloLayout.BOX_FIELDS + numClasses);
    }
}
