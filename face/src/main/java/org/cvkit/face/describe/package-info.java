/**
 * face-api's face recognition net: a ResNet-34-like network that maps a face crop to a 128-d descriptor, rebuilt
 * from its TensorFlow.js weights. Descriptors of the same person lie close together (face-api matches below an
 * euclidean distance of 0.6).
 */
package org.cvkit.face.describe;
