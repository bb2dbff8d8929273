package org.cvkit.augment.degrade;

import java.util.Objects;
import java.util.SplittableRandom;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.cvkit.augment.Range;
import org.cvkit.augment.Sample;
import org.cvkit.augment.Transform;

/**
 * Blacks out rectangular holes, teaching a network to use the whole object rather than its most telling part
 * (DeVries and Taylor's cutout). Each hole's width and height are the same share of the image width and height,
 * drawn per hole, and it is placed uniformly where it fits inside the image. Boxes and keypoints are kept.
 *
 * @param size  the range of the hole side as a share of the image side, within {@code 0:1}
 * @param count the number of holes, at least 1
 */
public record Cutout(Range size, int count) implements Transform {

    /** Validates the range and the count. */
    public Cutout {
        Objects.requireNonNull(size, "size").requireWithin("cutout size", 0, 1);
        if (count < 1) {
            throw new IllegalArgumentException("cutout count must be at least 1 but is " + count);
        }
    }

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        Mat result = sample.image().clone();
        int imageWidth = result.cols();
        int imageHeight = result.rows();
        try (Scalar black = Scalar.all(0)) {
            for (int hole = 0; hole < count; hole++) {
                double share = size.sample(random);
                int width = (int) Math.round(share * imageWidth);
                int height = (int) Math.round(share * imageHeight);
                int x = random.nextInt(imageWidth - width + 1);
                int y = random.nextInt(imageHeight - height + 1);
                if (width > 0 && height > 0) {
                    try (Rect bounds = new Rect(x, y, width, height); Mat region = new Mat(result, bounds)) {
                        region.put(black);
                    }
                }
            }
        }
        return sample.withImage(result);
    }
}
