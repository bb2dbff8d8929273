/**
 * Choosing anchor boxes from training data: {@link org.cvkit.detection.anchors.AnchorKMeans} clusters the
 * training boxes' shapes with the course's distance {@code D(B1, B2) = 1 - IoU(B1, B2)} (boxes compared at a
 * common centre) and reports the anchors with the mean IoU of each box with its best anchor.
 */
package org.cvkit.detection.anchors;
