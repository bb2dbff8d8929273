/**
 * Readers for the weight formats the toolkit imports. Each returns {@link org.cvkit.zoo.format.WeightTensor}s,
 * named float arrays with shapes, and knows nothing about networks or downloads. Malformed files raise
 * {@link org.cvkit.zoo.format.ModelFormatException} naming the file and the place where the format is broken.
 */
package org.cvkit.zoo.format;
