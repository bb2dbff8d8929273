/**
 * Detections and the algorithms on their boxes: {@link org.cvkit.detection.geometry.Iou} (one pair, a matrix,
 * or two shapes sharing a centre), greedy {@link org.cvkit.detection.geometry.NonMaxSuppression} as the course
 * states it (per class or class-agnostic), {@link org.cvkit.detection.geometry.SoftNms} (linear and Gaussian),
 * and {@link org.cvkit.detection.geometry.ImagePlacement}, which maps boxes found on a network input back onto
 * the source image. Boxes are {@link org.cvkit.core.geometry.Box}es from cnn-core.
 */
package org.cvkit.detection.geometry;
