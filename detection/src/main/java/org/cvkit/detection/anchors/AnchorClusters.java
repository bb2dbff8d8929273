package org.cvkit.detection.anchors;

import java.util.List;
import java.util.Objects;
import org.cvkit.detection.geometry.BoxShape;

/**
 * The result of {@link AnchorKMeans}: the anchors and how well they fit the training boxes.
 *
 * @param anchors     the anchor shapes, by ascending area (equal areas by width)
 * @param meanBestIou the mean, over the training boxes, of each box's IoU with its best anchor, in (0, 1]
 * @param iterations  the assignment rounds run
 * @param converged   whether the last round changed no assignment (false when the iteration limit stopped it)
 */
public record AnchorClusters(List<BoxShape> anchors, double meanBestIou, int iterations, boolean converged) {

    /** Copies the anchor list. */
    public AnchorClusters {
        anchors = List.copyOf(Objects.requireNonNull(anchors, "anchors"));
    }
}
