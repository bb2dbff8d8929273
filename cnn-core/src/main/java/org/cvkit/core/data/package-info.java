/**
 * Data sets for training and testing: the IDX file format of MNIST-style data ({@link
 * org.cvkit.core.data.IdxReader}), labelled grey images in memory with seeded subsets and DL4J iterators ({@link
 * org.cvkit.core.data.LabeledImageSet}), and Fashion-MNIST ({@link org.cvkit.core.data.FashionMnist}).
 */
package org.cvkit.core.data;
