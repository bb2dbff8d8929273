/**
 * YOLO: {@link org.cvkit.detection.yolo.YoloTargetEncoder} builds the course's training targets
 * ({@code G x G x A x (5 + C)}, each object in the cell holding its midpoint and the anchor whose shape fits it
 * best); {@link org.cvkit.detection.yolo.YoloV2Decoder} and {@link org.cvkit.detection.yolo.YoloV3Decoder} turn
 * Darknet-style network outputs ({@code [N, A * (5 + C), G, G]}, per anchor the planes
 * {@code tx, ty, tw, th, objectness, class scores}) into detections on the source image, scored
 * {@code objectness * class probability} as Darknet and OpenCV do, and suppress duplicates per class.
 * {@link org.cvkit.detection.yolo.YoloV2Head} and {@link org.cvkit.detection.yolo.YoloV3Head} hold the anchors and
 * classes of an output layer.
 */
package org.cvkit.detection.yolo;
