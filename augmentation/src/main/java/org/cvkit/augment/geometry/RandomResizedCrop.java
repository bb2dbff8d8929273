package org.cvkit.augment.geometry;

import java.util.Objects;
import java.util.SplittableRandom;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.cvkit.augment.Range;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.core.image.Resize;

/**
 * Crops a random region and resizes it to a fixed size, the Inception-style augmentation. The region's area is a
 * share of the image's drawn from {@code area}, its aspect ratio (width over height) is drawn log-uniformly from
 * {@code aspectRatio}, and its position uniformly; after ten draws that do not fit the image, the largest centred
 * region within the ratio range is taken instead.
 *
 * @param output      the size of the result
 * @param area        the range of the region's share of the image area, within {@code 0:1} and above 0
 * @param aspectRatio the range of the region's width over height, positive
 */
public record RandomResizedCrop(ImageSize output, Range area, Range aspectRatio) implements GeometricTransform {

    /** The usual area range, 8% to 100% of the image. */
    public static final Range DEFAULT_AREA = new Range(0.08, 1);
    /** The usual aspect ratio range, 3:4 to 4:3. */
    public static final Range DEFAULT_ASPECT_RATIO = new Range(3.0 / 4, 4.0 / 3);

    private static final int ATTEMPTS = 10;

    /** Validates the ranges. */
    public RandomResizedCrop {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(area, "area").requireWithin("crop area", 0, 1).requireAbove("crop area", 0);
        Objects.requireNonNull(aspectRatio, "aspectRatio").requireAbove("crop aspect ratio", 0);
    }

    @Override
    public Warp plan(ImageSize source, SplittableRandom random) {
        Region region = chooseRegion(source, random);
        Homography matrix = Homography.translation(-region.x(), -region.y()).then(Homography.scaling(
                output.width() / (double) region.width(), output.height() / (double) region.height()));
        return new Warp(matrix, output, image -> {
            try (Rect bounds = new Rect(region.x(), region.y(), region.width(), region.height());
                 Mat view = new Mat(image, bounds)) {
                return Resize.stretch(view, output);
            }
        });
    }

    /** A region of the source image in whole pixels. */
    private record Region(int x, int y, int width, int height) {
    }

    private Region chooseRegion(ImageSize source, SplittableRandom random) {
        double sourceArea = source.area();
        Range logRatio = new Range(Math.log(aspectRatio.min()), Math.log(aspectRatio.max()));
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            double targetArea = sourceArea * area.sample(random);
            double ratio = Math.exp(logRatio.sample(random));
            int width = (int) Math.round(Math.sqrt(targetArea * ratio));
            int height = (int) Math.round(Math.sqrt(targetArea / ratio));
            if (width > 0 && height > 0 && width <= source.width() && height <= source.height()) {
                return new Region(random.nextInt(source.width() - width + 1),
                        random.nextInt(source.height() - height + 1), width, height);
            }
        }
        double sourceRatio = source.width() / (double) source.height();
        int width = source.width();
        int height = source.height();
        if (sourceRatio < aspectRatio.min()) {
            height = Math.max(1, (int) Math.round(width / aspectRatio.min()));
        } else if (sourceRatio > aspectRatio.max()) {
            width = Math.max(1, (int) Math.round(height * aspectRatio.max()));
        }
        return new Region((source.width() - width) / 2, (source.height() - height) / 2, width, height);
    }
}
