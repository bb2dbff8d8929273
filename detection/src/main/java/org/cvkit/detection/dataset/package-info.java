/**
 * Detection data sets: {@link org.cvkit.detection.dataset.DetectionDataset} (images with labelled boxes and class
 * names), {@link org.cvkit.detection.dataset.SceneGenerator} (synthetic scenes of Fashion-MNIST items pasted on
 * textured backgrounds, for training a detector from scratch), and the two common label formats on disk,
 * {@link org.cvkit.detection.dataset.YoloLabels YOLO text} and {@link org.cvkit.detection.dataset.VocAnnotation
 * PASCAL VOC XML}, with {@link org.cvkit.detection.dataset.DatasetFolder} reading and writing whole folders.
 */
package org.cvkit.detection.dataset;
