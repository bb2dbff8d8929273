/**
 * Module-internal helpers shared by the face networks: TensorFlow.js to DL4J weight layouts and face-api's input
 * normalization.
 */
package org.cvkit.face.tfjs;
