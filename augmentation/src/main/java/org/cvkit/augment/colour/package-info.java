/**
 * Transforms that change levels but move no pixel: linear maps in one {@code convertTo} pass
 * ({@link org.cvkit.augment.colour.Brightness}, {@link org.cvkit.augment.colour.Contrast}), curves applied with a
 * 256-entry lookup table ({@link org.cvkit.augment.colour.ToneCurve}, such as {@link org.cvkit.augment.colour.Gamma}),
 * hue and saturation in HSV, and grayscale.
 */
package org.cvkit.augment.colour;
