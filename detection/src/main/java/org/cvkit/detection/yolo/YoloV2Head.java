package org.cvkit.detection.yolo;

import java.util.List;
import org.cvkit.detection.geometry.BoxShape;

/**
 * A YOLOv2 region layer: its anchors, in grid-cell units as in the Darknet {@code [region]} section, and its
 * number of classes. Its output has {@code anchors * (5 + classes)} channels.
 *
 * @param anchors    anchor shapes in grid cells, at least one
 * @param numClasses number of classes, positive
 */
public record YoloV2Head(List<BoxShape> anchors, int numClasses) {

    /** Validates and copies the anchors; checks the class count. */
    public YoloV2Head {
        anchors = YoloLayout.requireAnchors(anchors);
        YoloLayout.requireClasses(numClasses);
    }

    /** @return the channels of the layer's output, {@code anchors * (5 + classes)} */
    public int channels() {
        return anchors.size() * (YoloLayout.BOX_FIELDS + numClasses);
    }
}
