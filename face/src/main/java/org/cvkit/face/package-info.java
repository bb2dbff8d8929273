/**
 * Face analysis with the networks of face-api (vladmandic/face-api), rebuilt in DL4J from their TensorFlow.js
 * weights: face detection ({@link org.cvkit.face.detect}), 128-d face descriptors ({@link org.cvkit.face.describe})
 * and 68 face landmarks ({@link org.cvkit.face.landmarks}).
 */
package org.cvkit.face;
