/**
 * Face analysis with the networks of face-api (vladmandic/face-api), rebuilt in DL4J from their TensorFlow.js
 * weights: face detection ({@link org.cvkit.face.detect}, or OpenCV's Haar cascades in {@link org.cvkit.face.haar}),
 * 128-d face descriptors ({@link org.cvkit.face.describe}) and 68 face landmarks ({@link org.cvkit.face.landmarks}),
 * put together as face-api does in {@link org.cvkit.face.analysis}.
 */
package org.cvkit.face;
