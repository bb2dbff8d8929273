/**
 * Degradations that leave geometry and annotations alone: Gaussian, salt-and-pepper and speckle noise (drawn from
 * OpenCV generators seeded by the sample's generator), Gaussian and motion blur, and cutout.
 */
package org.cvkit.augment.degrade;
