/**
 * face-api's tiny face detector: the network rebuilt from its TensorFlow.js weights, its exact preprocessing
 * (pad to square at the bottom or right, tfjs bilinear resize, mean subtraction) and its YOLOv2 decoding.
 */
package org.cvkit.face.detect;
