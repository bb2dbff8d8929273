package org.cvkit.core.image;

import java.util.Arrays;
import java.util.List;

/**
 * How 8-bit pixel levels become network inputs: {@code value = (pixel * scale - mean[c]) / std[c]} for tensor
 * channel {@code c}. The mean and std are given in the tensor's channel order; a single value applies to every
 * channel. Immutable.
 */
public final class Normalization {

    /** Levels divided by 255, giving values in [0, 1]. */
    public static final Normalization UNIT = scaleOnly(1.0 / 255);

    /**
     * The ImageNet statistics of torchvision and Keras "torch" mode, in RGB order: levels divided by 255, then
     * mean (0.485, 0.456, 0.406) and std (0.229, 0.224, 0.225). Pair it with {@link ChannelOrder#RGB}.
     */
    public static final Normalization IMAGENET =
            of(1.0 / 255, new double[] {0.485, 0.456, 0.406}, new double[] {0.229, 0.224, 0.225});

    /**
     * Caffe-style ImageNet mean subtraction in BGR order, with no scaling: levels minus (103.939, 116.779, 123.68),
     * as the original VGG weights expect. Pair it with {@link ChannelOrder#BGR}.
     */
    public static final Normalization CAFFE_BGR_MEAN =
            of(1, new double[] {103.939, 116.779, 123.68}, new double[] {1});

    private final double scale;
    private final double[] mean;
    private final double[] std;

    private Normalization(double scale, double[] mean, double[] std) {
        this.scale = scale;
        this.mean = mean;
        this.std = std;
    }

    /**
     * Creates a normalization. Mean and std each hold one value per tensor channel, or one value for every
     * channel; a one-value array is combined with an array of any length.
     *
     * @param scale factor applied to the 8-bit level first, positive (for example 1/255)
     * @param mean  values subtracted after scaling, finite
     * @param std   divisors applied last, positive
     * @return the normalization
     * @throws IllegalArgumentException if a value is out of range or the arrays have different lengths above one
     */
    public static Normalization of(double scale, double[] mean, double[] std) {
        if (!(scale > 0 && Double.isFinite(scale))) {
            throw new IllegalArgumentException("scale must be positive and finite but is " + scale);
        }
        if (mean.length == 0 || std.length == 0) {
            throw new IllegalArgumentException("mean and std need at least one value each (one value applies to "
                    + "every channel); got " + mean.length + " and " + std.length);
        }
        if (mean.length > 1 && std.length > 1 && mean.length != std.length) {
            throw new IllegalArgumentException("mean has " + mean.length + " values but std has " + std.length
                    + "; give one value per channel, or a single value for all channels");
        }
        for (double value : mean) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("mean values must be finite but are " + Arrays.toString(mean));
            }
        }
        for (double value : std) {
            if (!(value > 0 && Double.isFinite(value))) {
                throw new IllegalArgumentException("std values must be positive and finite but are "
                        + Arrays.toString(std));
            }
        }
        return new Normalization(scale, mean.clone(), std.clone());
    }

    /**
     * A normalization that only scales: mean 0 and std 1 for every channel.
     *
     * @param scale factor applied to the 8-bit level, positive
     * @return the normalization
     */
    public static Normalization scaleOnly(double scale) {
        return of(scale, new double[] {0}, new double[] {1});
    }

    /** @return the factor applied to the 8-bit level first */
    public double scale() {
        return scale;
    }

    /** @return the per-channel means in tensor channel order (one value means every channel) */
    public List<Double> mean() {
        return Arrays.stream(mean).boxed().toList();
    }

    /** @return the per-channel standard deviations in tensor channel order (one value means every channel) */
    public List<Double> std() {
        return Arrays.stream(std).boxed().toList();
    }

    /**
     * Tells whether this normalization can serve a tensor with the given number of channels.
     *
     * @param channels the tensor's channel count
     * @return true if every per-channel list has one value or exactly {@code channels} values
     */
    public boolean fits(int channels) {
        return (mean.length == 1 || mean.length == channels) && (std.length == 1 || std.length == channels);
    }

    /**
     * Normalizes one pixel level.
     *
     * @param channel the tensor channel
     * @param level   the 8-bit level (0..255)
     * @return {@code (level * scale - mean[channel]) / std[channel]}
     */
    public double normalize(int channel, double level) {
        return (level * scale - meanOf(channel)) / stdOf(channel);
    }

    /**
     * Undoes {@link #normalize(int, double)}, without rounding or clamping.
     *
     * @param channel the tensor channel
     * @param value   the normalized value
     * @return {@code (value * std[channel] + mean[channel]) / scale}
     */
    public double denormalize(int channel, double value) {
        return (value * stdOf(channel) + meanOf(channel)) / scale;
    }

    /**
     * @throws IllegalArgumentException if this normalization does not {@link #fits fit} the channel count
     */
    void requireFits(int channels) {
        if (!fits(channels)) {
            throw new IllegalArgumentException("the normalization " + this + " is for "
                    + Math.max(mean.length, std.length) + " channels but the image has " + channels
                    + "; use a normalization with one value per channel, or a single value such as UNIT");
        }
    }

    private double meanOf(int channel) {
        return mean[mean.length == 1 ? 0 : channel];
    }

    private double stdOf(int channel) {
        return std[std.length == 1 ? 0 : channel];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Normalization that && Double.compare(scale, that.scale) == 0
                && Arrays.equals(mean, that.mean) && Arrays.equals(std, that.std);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Double.hashCode(scale) + Arrays.hashCode(mean)) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Normalization[scale=" + scale + ", mean=" + Arrays.toString(mean) + ", std="
                + Arrays.toString(std) + "]";
    }
}
