/**
 * face-api's 68-point face landmark net ({@code FaceLandmark68Net}), rebuilt from its TensorFlow.js weights.
 */
package org.cvkit.face.landmarks;
