/**
 * Immutable vision value types shared by every module: {@link org.cvkit.core.geometry.ImageSize},
 * {@link org.cvkit.core.geometry.Box} (axis-aligned, corner form) and {@link org.cvkit.core.geometry.Keypoint}.
 * Coordinates are continuous: {@code (0, 0)} is the top-left corner of the image and {@code (width, height)} its
 * bottom-right corner, or {@code (1, 1)} in normalized form, as the course draws it. Overlap measures built on
 * these types, such as IoU, live in the detection module.
 */
package org.cvkit.core.geometry;
