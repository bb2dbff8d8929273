/**
 * TensorFlow.js weights: a {@code weights_manifest.json} (or a {@code model.json} holding one) that names the
 * tensors and their binary shards, with float32, int32 and quantized (uint8, uint16, float16) entries, read by
 * {@link org.cvkit.zoo.format.tfjs.TfjsWeightsReader}.
 */
package org.cvkit.zoo.format.tfjs;
