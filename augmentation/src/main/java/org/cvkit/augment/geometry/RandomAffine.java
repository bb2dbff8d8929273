package org.cvkit.augment.geometry;

import java.util.Objects;
import java.util.SplittableRandom;
import org.cvkit.augment.Range;
import org.cvkit.core.geometry.ImageSize;

/**
 * Scales, shears and shifts the image about its centre, keeping its size. Per sample it draws one scale factor for
 * both axes, a horizontal and a vertical shear angle, and a horizontal and a vertical shift (as shares of the width
 * and height), each from its range.
 *
 * @param scale     the range of scale factors, positive
 * @param translate the range of shifts as shares of the image side, within {@code -1:1}
 * @param shear     the range of shear angles in degrees, within {@code -60:60}
 * @param border    how uncovered pixels are filled
 */
public record RandomAffine(Range scale, Range translate, Range shear, BorderMode border) implements GeometricTransform {

    private static final double MAX_SHEAR_DEGREES = 60;

    /** Validates the ranges. */
    public RandomAffine {
        Objects.requireNonNull(scale, "scale").requireAbove("affine scale", 0);
        Objects.requireNonNull(translate, "translate").requireWithin("affine translate", -1, 1);
        Objects.requireNonNull(shear, "shear").requireWithin("affine shear", -MAX_SHEAR_DEGREES, MAX_SHEAR_DEGREES);
        Objects.requireNonNull(border, "border");
    }

    @Override
    public Warp plan(ImageSize source, SplittableRandom random) {
        double factor = scale.sample(random);
        double shearX = Math.tan(Math.toRadians(shear.sample(random)));
        double shearY = Math.tan(Math.toRadians(shear.sample(random)));
        double shiftX = translate.sample(random) * source.width();
        double shiftY = translate.sample(random) * source.height();
        double centreX = source.width() / 2.0;
        double centreY = source.height() / 2.0;
        Homography matrix = Homography.translation(-centreX, -centreY)
                .then(Homography.affine(1, shearX, 0, shearY, 1, 0))
                .then(Homography.scaling(factor, factor))
                .then(Homography.translation(centreX + shiftX, centreY + shiftY));
        return Warp.general(matrix, source, border);
    }
}
