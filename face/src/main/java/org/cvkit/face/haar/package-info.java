/**
 * OpenCV's Viola-Jones Haar cascades as a {@link org.cvkit.face.detect.FaceDetector}: fast, no network, and the
 * cascades ship inside the JavaCV OpenCV jar.
 */
package org.cvkit.face.haar;
