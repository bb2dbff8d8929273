package org.cvkit.augment.colour;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.util.SplittableRandom;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.augment.Sample;
import org.cvkit.augment.Transform;

/**
 * Removes colour: each BGR pixel becomes the luma {@code 0.299 R + 0.587 G + 0.114 B} repeated in all three
 * channels, so the image keeps its channel count and batches stay uniform. Gray images are copied.
 */
public record Grayscale() implements Transform {

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        if (sample.channels() == 1) {
            return sample.copy();
        }
        Mat result = new Mat();
        try (Mat gray = new Mat()) {
            cvtColor(sample.image(), gray, COLOR_BGR2GRAY);
            cvtColor(gray, result, COLOR_GRAY2BGR);
        }
        return sample.withImage(result);
    }
}
