package org.cvkit.style.colour;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * Colour preservation for style transfer (Gatys et al. 2016, "Preserving color in neural artistic style
 * transfer"): the transfer runs on luminance alone, and the result's luminance is recombined with the content
 * image's colour. Pixels are split into YIQ (NTSC): {@code Y = 0.299 R + 0.587 G + 0.114 B} carries the
 * luminance, I and Q the colour. The style's luminance is first matched to the content's mean and standard
 * deviation, so the transfer does not shift the brightness.
 */
public final class Luminance {

    private static final double[] TO_Y = {0.299, 0.587, 0.114};
    private static final double[] TO_I = {0.596, -0.274, -0.322};
    private static final double[] TO_Q = {0.211, -0.523, 0.312};
    private static final double[][] FROM_YIQ = {{1, 0.956, 0.621}, {1, -0.272, -0.647}, {1, -1.106, 1.703}};

    private Luminance() {
    }

    /**
     * @param image any image
     * @return a new gray image ({@code TYPE_INT_RGB}, R = G = B) of its luminance
     */
    public static BufferedImage of(BufferedImage image) {
        double[] y = channel(image, TO_Y);
        return gray(image.getWidth(), image.getHeight(), y);
    }

    /**
     * @param style   the style image
     * @param content the content image
     * @return a new gray image of the style's luminance, shifted and scaled to the content luminance's mean and
     *         standard deviation
     */
    public static BufferedImage matched(BufferedImage style, BufferedImage content) {
        double[] y = channel(style, TO_Y);
        double[] target = channel(content, TO_Y);
        double mean = mean(y);
        double spread = standardDeviation(y, mean);
        double targetMean = mean(target);
        double targetSpread = standardDeviation(target, targetMean);
        double gain = spread > 0 ? targetSpread / spread : 1;
        for (int i = 0; i < y.length; i++) {
            y[i] = targetMean + (y[i] - mean) * gain;
        }
        return gray(style.getWidth(), style.getHeight(), y);
    }

    /**
     * @param luminance the transfer result on luminance (its Y is used)
     * @param colour    the image whose colour (I and Q) to keep, of the same size
     * @return a new {@code TYPE_INT_RGB} image
     * @throws IllegalArgumentException if the sizes differ
     */
    public static BufferedImage recombine(BufferedImage luminance, BufferedImage colour) {
        Objects.requireNonNull(luminance, "luminance");
        if (luminance.getWidth() != colour.getWidth() || luminance.getHeight() != colour.getHeight()) {
            throw new IllegalArgumentException("the luminance image is " + luminance.getWidth() + "x"
                    + luminance.getHeight() + " but the colour image " + colour.getWidth() + "x"
                    + colour.getHeight() + "; resize one to the other");
        }
        double[] y = channel(luminance, TO_Y);
        double[] i = channel(colour, TO_I);
        double[] q = channel(colour, TO_Q);
        int[] rgb = new int[y.length];
        for (int p = 0; p < rgb.length; p++) {
            int pixel = 0;
            for (double[] row : FROM_YIQ) {
                pixel = (pixel << 8) | level(row[0] * y[p] + row[1] * i[p] + row[2] * q[p]);
            }
            rgb[p] = pixel;
        }
        return image(luminance.getWidth(), luminance.getHeight(), rgb);
    }

    private static double[] channel(BufferedImage image, double[] weights) {
        int[] rgb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        double[] values = new double[rgb.length];
        for (int p = 0; p < rgb.length; p++) {
            values[p] = weights[0] * ((rgb[p] >> 16) & 0xFF) + weights[1] * ((rgb[p] >> 8) & 0xFF)
                    + weights[2] * (rgb[p] & 0xFF);
        }
        return values;
    }

    private static BufferedImage gray(int width, int height, double[] y) {
        int[] rgb = new int[y.length];
        for (int p = 0; p < y.length; p++) {
            int level = level(y[p]);
            rgb[p] = (level << 16) | (level << 8) | level;
        }
        return image(width, height, rgb);
    }

    private static BufferedImage image(int width, int height, int[] rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, rgb, 0, width);
        return image;
    }

    private static int level(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double standardDeviation(double[] values, double mean) {
        double sum = 0;
        for (double value : values) {
            sum += (value - mean) * (value - mean);
        }
        return Math.sqrt(sum / values.length);
    }
}
