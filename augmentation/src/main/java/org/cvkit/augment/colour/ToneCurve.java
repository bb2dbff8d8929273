package org.cvkit.augment.colour;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.LUT;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.augment.Sample;
import org.cvkit.augment.Transform;

/**
 * A transform that sends every 8-bit level through one curve, the same for all channels. The curve is drawn per
 * sample, tabulated once for the 256 levels (rounded and clamped to 0..255) and applied with OpenCV's {@code LUT}.
 */
public interface ToneCurve extends Transform {

    /**
     * Draws the curve for one sample.
     *
     * @param random the generator of this sample
     * @return the map from an input level in 0..255 to an output level, before rounding and clamping
     */
    DoubleUnaryOperator curve(SplittableRandom random);

    /** Tabulates the drawn curve and applies it with {@code LUT}. */
    @Override
    default Sample apply(Sample sample, SplittableRandom random) {
        DoubleUnaryOperator curve = curve(random);
        byte[] table = new byte[256];
        for (int level = 0; level < table.length; level++) {
            table[level] = (byte) Math.max(0, Math.min(255, Math.round(curve.applyAsDouble(level))));
        }
        Mat result = new Mat();
        try (Mat lookup = new Mat(1, table.length, CV_8U); BytePointer entries = lookup.data()) {
            entries.put(table);
            LUT(sample.image(), lookup, result);
        }
        return sample.withImage(result);
    }
}
