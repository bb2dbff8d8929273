/**
 * Detection quality: {@link org.cvkit.detection.eval.AveragePrecision} (the area under a precision-recall curve,
 * with all-point or PASCAL VOC 11-point interpolation) and {@link org.cvkit.detection.eval.MeanAveragePrecision}
 * (detections matched to ground truths at a chosen IoU, averaged over classes).
 */
package org.cvkit.detection.eval;
