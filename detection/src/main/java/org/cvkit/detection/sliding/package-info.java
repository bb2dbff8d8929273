/**
 * Sliding-window detection with a trained classifier, both ways the course shows:
 * {@link org.cvkit.detection.sliding.CropSlidingWindow} crops every window, resizes it to the classifier's input
 * and classifies it (simple, and very expensive); {@link org.cvkit.detection.sliding.FullyConvolutionalConverter}
 * turns the classifier's fully connected head into convolutions (OverFeat), so one pass over the whole image
 * scores every window at the network's stride. Both report
 * {@link org.cvkit.detection.sliding.ScoredWindow}s. Images are OpenCV Mats; tensors are NCHW.
 */
package org.cvkit.detection.sliding;
