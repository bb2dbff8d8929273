/**
 * Training a YOLO detector from scratch: {@link org.cvkit.detection.train.YoloNetwork} (a small single-scale
 * YOLOv2-style network), {@link org.cvkit.detection.train.YoloLoss} (the course's loss on its raw output),
 * {@link org.cvkit.detection.train.YoloBatches} (augmented, encoded mini-batches),
 * {@link org.cvkit.detection.train.YoloTraining} (scenes, anchors, training and evaluation in one call, with
 * quick and full presets), {@link org.cvkit.detection.train.YoloEvaluation} (mAP@0.5 on held-out images) and
 * {@link org.cvkit.detection.train.TrainedYolo} (the saved and loaded model as an
 * {@link org.cvkit.detection.media.ObjectDetector}).
 */
package org.cvkit.detection.train;
