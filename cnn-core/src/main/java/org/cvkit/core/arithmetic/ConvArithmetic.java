package org.cvkit.core.arithmetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The course's size arithmetic for one spatial dimension: {@code out = (in - F + 2P) / S + 1}.
 *
 * <p>Settings that give a non-integer size, or a window larger than the padded input, are rejected with an
 * {@link InvalidGeometryException} whose message names the strides and paddings that would fit.
 */
public final class ConvArithmetic {

    private ConvArithmetic() {
    }

    /**
     * Output size of a convolution or pooling window sliding over one dimension.
     *
     * @param dimension name used in error messages ("width", "height")
     * @param input     input size, positive
     * @param window    filter or pooling window size F, positive
     * @param stride    stride S, positive
     * @param padding   zero padding P on each side, not negative
     * @return {@code (input - window + 2 * padding) / stride + 1}
     * @throws InvalidGeometryException if the settings cannot give a whole output
     */
    public static int outputSize(String dimension, int input, int window, int stride, int padding) {
        VolumeShape.requirePositive(dimension, input);
        VolumeShape.requirePositive("filter size", window);
        VolumeShape.requirePositive("stride", stride);
        if (padding < 0) {
            throw new InvalidGeometryException("padding must not be negative but is " + padding);
        }
        int padded = input + 2 * padding;
        if (window > padded) {
            throw new InvalidGeometryException(String.format(Locale.ROOT,
                    "%s: a %d-wide filter is larger than the padded input %d (%d + 2*%d); "
                            + "use a filter of at most %d or padding of at least %d",
                    dimension, window, padded, input, padding, padded, (window - input + 1) / 2));
        }
        int span = padded - window;
        if (span % stride != 0) {
            throw new InvalidGeometryException(String.format(Locale.ROOT,
                    "%s: (%d - %d + 2*%d)/%d + 1 = %.2f is not a whole number, so stride %d is not possible; "
                            + "use %s",
                    dimension, input, window, padding, stride, (double) span / stride + 1, stride,
                    fixes(input, window, stride, padding)));
        }
        return span / stride + 1;
    }

    /**
     * Padding that keeps the size at stride 1: {@code P = (F - 1) / 2}.
     *
     * @param window an odd filter size
     * @return the "same" padding
     * @throws InvalidGeometryException for even or non-positive filter sizes
     */
    public static int samePadding(int window) {
        VolumeShape.requirePositive("filter size", window);
        if (window % 2 == 0) {
            throw new InvalidGeometryException("filter size " + window
                    + " is even, so no symmetric padding keeps the size; use an odd filter such as "
                    + (window - 1) + " or " + (window + 1));
        }
        return (window - 1) / 2;
    }

    private static String fixes(int input, int window, int stride, int padding) {
        List<String> strides = new ArrayList<>();
        int span = input + 2 * padding - window;
        for (int s = 1; s <= Math.min(window, span); s++) {
            if (span % s == 0 && s != stride) {
                strides.add(Integer.toString(s));
            }
            if (strides.size() == 4) {
                break;
            }
        }
        String strideFix = strides.isEmpty() ? "" : "stride " + String.join(" or ", strides) + ", or ";
        for (int extra = 1; extra < stride; extra++) {
            if ((span + 2 * extra) % stride == 0) {
                return strideFix + "padding " + (padding + extra);
            }
        }
        int grow = stride - span % stride;
        return strideFix + "an input of " + (input + grow) + " (or " + (input + grow - stride)
                + ") instead of " + input;
    }
}
