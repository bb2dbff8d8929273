package org.cvkit.detection.dataset;

import java.util.SplittableRandom;

/**
 * Backgrounds of synthetic scenes, painted between two colours so that a detector cannot find objects by looking for
 * any structure at all.
 */
public enum Texture {
    /** Gaussian noise (standard deviation 24 levels) around the first colour. */
    NOISE,
    /** A linear blend from the first colour to the second along a random direction. */
    GRADIENT,
    /** Sinusoidal stripes between the two colours, 6 to 24 pixels apart, at a random angle. */
    STRIPES;

    private static final double NOISE_SIGMA = 24;
    private static final double MIN_STRIPE_PERIOD = 6;
    private static final double MAX_STRIPE_PERIOD = 24;

    /**
     * Paints this texture.
     *
     * @param pixels interleaved 3-channel levels, row by row, {@code 3 * width * height} values, overwritten
     * @param width  the image width
     * @param height the image height
     * @param first  the first colour, 3 levels in the pixels' channel order
     * @param second the second colour
     * @param random the generator of every random choice
     */
    public void paint(double[] pixels, int width, int height, double[] first, double[] second,
                      SplittableRandom random) {
        double angle = random.nextDouble(2 * Math.PI);
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double period = random.nextDouble(MIN_STRIPE_PERIOD, MAX_STRIPE_PERIOD);
        double extent = Math.abs(cos) * width + Math.abs(sin) * height;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double along = (x - width / 2.0) * cos + (y - height / 2.0) * sin;
                double mix = switch (this) {
                    case NOISE -> 0;
                    case GRADIENT -> along / extent + 0.5;
                    case STRIPES -> 0.5 + 0.5 * Math.sin(2 * Math.PI * along / period);
                };
                int offset = 3 * (y * width + x);
                for (int c = 0; c < 3; c++) {
                    double level = first[c] + mix * (second[c] - first[c]);
                    pixels[offset + c] = this == NOISE ? level + NOISE_SIGMA * random.nextGaussian() : level;
                }
            }
        }
    }
}
