/**
 * Adaptors to DL4J and DataVec: {@link org.cvkit.augment.dl4j.AugmentingPreProcessor} augments the NCHW image
 * batches of any {@code DataSetIterator}, and {@link org.cvkit.augment.dl4j.DataVecImageTransform} is a DataVec
 * {@code ImageTransform} that runs a cvkit pipeline.
 */
package org.cvkit.augment.dl4j;
