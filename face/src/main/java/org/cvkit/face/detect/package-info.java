/**
 * face-api's tiny face detector: the network rebuilt from its TensorFlow.js weights, its exact preprocessing
 * (pad to square at the bottom or right, tfjs bilinear resize, mean subtraction) and its YOLOv2 decoding, with
 * face-api's options (input size, score threshold). {@link org.cvkit.face.detect.FaceDetector} is what it and other
 * face detectors (OpenCV's Haar cascades) have in common.
 */
package org.cvkit.face.detect;
