package org.cvkit.augment.geometry;

import java.util.Objects;
import java.util.SplittableRandom;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.augment.Range;
import org.cvkit.core.geometry.ImageSize;

/**
 * Rotates the image about its centre by an angle drawn from a range, counter-clockwise on screen for positive
 * angles. The result keeps the source size (corners are cut) or grows to hold the whole rotated image. Quarter turns
 * that fit the result exactly use OpenCV's {@code rotate}, other angles {@code warpAffine}.
 *
 * @param degrees the range of angles
 * @param expand  whether the canvas grows to hold the whole rotated image
 * @param border  how uncovered pixels are filled
 */
public record Rotation(Range degrees, boolean expand, BorderMode border) implements GeometricTransform {

    private static final double QUARTER_TURN = 90;

    /** Validates that every part is given. */
    public Rotation {
        Objects.requireNonNull(degrees, "degrees");
        Objects.requireNonNull(border, "border");
    }

    /**
     * A rotation by exactly {@code degrees} that keeps the size and fills corners with black.
     *
     * @param degrees the angle, counter-clockwise
     * @return the rotation
     */
    public static Rotation by(double degrees) {
        return new Rotation(Range.fixed(degrees), false, BorderMode.CONSTANT);
    }

    @Override
    public Warp plan(ImageSize source, SplittableRandom random) {
        double angle = degrees.sample(random);
        Homography turn = Homography.rotation(angle, source.width() / 2.0, source.height() / 2.0);
        ImageSize output = expand ? enclosingSize(source, turn) : source;
        Homography matrix = turn.then(Homography.translation(
                (output.width() - source.width()) / 2.0, (output.height() - source.height()) / 2.0));
        if (angle % QUARTER_TURN == 0) {
            int quarterTurns = Math.floorMod((long) (angle / QUARTER_TURN), 4);
            boolean sidesSwap = quarterTurns % 2 == 1;
            ImageSize turned = sidesSwap ? new ImageSize(source.height(), source.width()) : source;
            if (output.equals(turned)) {
                return new Warp(matrix, output, image -> turnPixels(image, quarterTurns));
            }
        }
        return Warp.general(matrix, output, border);
    }

    /** @return the smallest whole-pixel size holding the rotated image, snapped to exact values for quarter turns */
    private static ImageSize enclosingSize(ImageSize source, Homography turn) {
        double cos = Math.abs(turn.get(0, 0));
        double sin = Math.abs(turn.get(0, 1));
        return new ImageSize(ceilTolerant(source.width() * cos + source.height() * sin),
                ceilTolerant(source.width() * sin + source.height() * cos));
    }

    /** Rounds up, ignoring floating-point noise just above a whole number. */
    private static int ceilTolerant(double length) {
        return (int) Math.ceil(length - 1e-9);
    }

    private static Mat turnPixels(Mat image, int quarterTurns) {
        if (quarterTurns == 0) {
            return image.clone();
        }
        Mat turned = new Mat();
        int code = switch (quarterTurns) {
            case 1 -> opencv_core.ROTATE_90_COUNTERCLOCKWISE;
            case 2 -> opencv_core.ROTATE_180;
            default -> opencv_core.ROTATE_90_CLOCKWISE;
        };
        opencv_core.rotate(image, turned, code);
        return turned;
    }
}
