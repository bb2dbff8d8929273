/**
 * Object detection as the course teaches it (section 7 of the lecture notes): overlap and suppression in
 * {@link org.cvkit.detection.geometry}, anchor selection in {@link org.cvkit.detection.anchors}, classification
 * with localization in {@link org.cvkit.detection.localization}, sliding windows (crop by crop and as
 * convolution) in {@link org.cvkit.detection.sliding}, YOLO targets and decoding in
 * {@link org.cvkit.detection.yolo}, and mean average precision in {@link org.cvkit.detection.eval}.
 */
package org.cvkit.detection;
