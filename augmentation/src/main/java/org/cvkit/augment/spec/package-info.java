/**
 * The text syntax for pipelines, such as {@code hflip@0.5, rotate=15, brightness=0.2, gauss-noise=8}, read by
 * {@link org.cvkit.augment.spec.AugmentationSpec} from a string or a file.
 */
package org.cvkit.augment.spec;
