/**
 * Transforms that move pixels. Each plans a {@link org.cvkit.augment.geometry.Warp}: a
 * {@link org.cvkit.augment.geometry.Homography} (the one description of the geometry), the result size and the
 * OpenCV call that renders the pixels (a general {@code warpAffine}/{@code warpPerspective}, or a faster
 * {@code flip}, {@code rotate} or crop-and-resize giving the same picture). Box corners and keypoints go through the
 * same matrix; boxes are re-enclosed, clipped and dropped when too little remains, keypoints leaving the image are
 * marked not visible.
 */
package org.cvkit.augment.geometry;
