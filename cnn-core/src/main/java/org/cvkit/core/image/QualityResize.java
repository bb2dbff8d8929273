package org.cvkit.core.image;

import java.awt.image.BufferedImage;
import java.util.Objects;
import org.cvkit.core.geometry.ImageSize;
import org.imgscalr.Scalr;

/**
 * High-quality resizing of {@code BufferedImage}s with imgscalr, for pictures people look at (style-transfer
 * outputs, thumbnails) rather than network inputs. {@link Scalr.Method#QUALITY} and
 * {@link Scalr.Method#ULTRA_QUALITY} shrink in several steps, which avoids the aliasing of a one-step resize.
 * Resized images are new images of the type imgscalr picks ({@code TYPE_INT_RGB}, or {@code TYPE_INT_ARGB} for
 * images with alpha); an image that already has the requested size is returned as it is, as imgscalr does.
 */
public final class QualityResize {

    private QualityResize() {
    }

    /**
     * Resizes so that the longer side becomes {@code longestSide}, keeping the aspect ratio; the shorter side is
     * rounded to the nearest pixel and is at least 1.
     *
     * @param image       the image
     * @param longestSide length of the longer side of the result, positive
     * @param method      imgscalr's quality/speed trade-off
     * @return the resized image, or {@code image} itself if it already has that size
     * @throws IllegalArgumentException if {@code longestSide} is not positive
     */
    public static BufferedImage toLongestSide(BufferedImage image, int longestSide, Scalr.Method method) {
        Objects.requireNonNull(image, "image");
        if (longestSide <= 0) {
            throw new IllegalArgumentException("the longest side must be positive but is " + longestSide);
        }
        int width = image.getWidth();
        int height = image.getHeight();
        ImageSize size = width >= height
                ? new ImageSize(longestSide, shorterSide(height, width, longestSide))
                : new ImageSize(shorterSide(width, height, longestSide), longestSide);
        return toSize(image, size, method);
    }

    /**
     * Resizes to exactly {@code size}, stretching if the aspect ratio differs.
     *
     * @param image  the image
     * @param size   the size of the result
     * @param method imgscalr's quality/speed trade-off
     * @return the resized image, or {@code image} itself if it already has that size
     */
    public static BufferedImage toSize(BufferedImage image, ImageSize size, Scalr.Method method) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(method, "method");
        return Scalr.resize(image, method, Scalr.Mode.FIT_EXACT, size.width(), size.height());
    }

    private static int shorterSide(int shorter, int longer, int longestSide) {
        return (int) Math.max(1, Math.round(shorter * (double) longestSide / longer));
    }
}
