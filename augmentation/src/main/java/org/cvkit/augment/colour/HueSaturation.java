package org.cvkit.augment.colour;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.LUT;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2HSV;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_HSV2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.util.Objects;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.augment.Range;
import org.cvkit.augment.Sample;
import org.cvkit.augment.Transform;

/**
 * Turns the hue round the colour wheel and scales the saturation, leaving the value (brightness) channel of HSV
 * alone. The image goes to OpenCV's 8-bit HSV (hue in 2-degree steps, 0..179), through one three-channel
 * {@code LUT} and back. Needs a BGR image.
 *
 * @param hueDegrees the range of hue shifts in degrees, within {@code -180:180}
 * @param saturation the range of saturation factors, not negative
 */
public record HueSaturation(Range hueDegrees, Range saturation) implements Transform {

    private static final int HUE_STEPS = 180;
    private static final double DEGREES_PER_STEP = 2;

    /** Validates the ranges. */
    public HueSaturation {
        Objects.requireNonNull(hueDegrees, "hueDegrees").requireWithin("hue", -180, 180);
        Objects.requireNonNull(saturation, "saturation").requireAtLeast("saturation", 0);
    }

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        sample.requireColour("hue and saturation jitter");
        int hueShift = (int) Math.round(hueDegrees.sample(random) / DEGREES_PER_STEP);
        double saturationFactor = saturation.sample(random);
        byte[] table = new byte[256 * 3];
        for (int level = 0; level < 256; level++) {
            table[level * 3] = (byte) (level < HUE_STEPS ? Math.floorMod(level + hueShift, HUE_STEPS) : level);
            table[level * 3 + 1] = (byte) Math.min(255, Math.round(level * saturationFactor));
            table[level * 3 + 2] = (byte) level;
        }
        Mat result = new Mat();
        try (Mat lookup = new Mat(1, 256, CV_8UC3); BytePointer entries = lookup.data()) {
            entries.put(table);
            cvtColor(sample.image(), result, COLOR_BGR2HSV);
            LUT(result, lookup, result);
            cvtColor(result, result, COLOR_HSV2BGR);
        }
        return sample.withImage(result);
    }
}
