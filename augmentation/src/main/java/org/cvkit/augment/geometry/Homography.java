package org.cvkit.augment.geometry;

import java.util.Arrays;
import org.cvkit.core.geometry.Keypoint;

/**
 * A projective map of the image plane, a 3x3 matrix acting on {@code (x, y, 1)}: the one description of a
 * geometric transform, applied alike to pixels, box corners and keypoints. Affine maps (flips, rotations, scaling,
 * shear, translation, crops) have the last row {@code (0, 0, 1)}.
 *
 * <p>Coordinates are continuous pixel units as in {@link org.cvkit.core.geometry}: {@code (0, 0)} is the top-left
 * corner of the image and {@code (width, height)} its bottom-right corner, so the centre of pixel {@code (i, j)} is
 * {@code (i + 0.5, j + 0.5)}. Immutable.
 */
public final class Homography {

    /** The map that changes nothing. */
    public static final Homography IDENTITY = new Homography(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});

    private static final double QUARTER_TURN = 90;

    private final double[] m;

    private Homography(double[] m) {
        this.m = m;
    }

    /**
     * Creates a homography from its nine entries.
     *
     * @param rowMajor the entries row by row
     * @return the homography
     * @throws IllegalArgumentException if there are not nine finite values or the matrix is singular
     */
    public static Homography of(double... rowMajor) {
        if (rowMajor.length != 9) {
            throw new IllegalArgumentException("a homography has 9 entries (3x3, row by row) but " + rowMajor.length
                    + " were given");
        }
        for (double value : rowMajor) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("homography entries must be finite but are "
                        + Arrays.toString(rowMajor));
            }
        }
        Homography homography = new Homography(rowMajor.clone());
        if (homography.determinant() == 0) {
            throw new IllegalArgumentException("the homography " + homography + " is singular: it folds the image "
                    + "onto a line or a point and cannot be undone");
        }
        return homography;
    }

    /**
     * Creates the affine map {@code x' = a x + b y + c, y' = d x + e y + f}.
     *
     * @return the affine homography
     * @throws IllegalArgumentException if a value is not finite or the map is singular
     */
    public static Homography affine(double a, double b, double c, double d, double e, double f) {
        return of(a, b, c, d, e, f, 0, 0, 1);
    }

    /**
     * @param dx added to x
     * @param dy added to y
     * @return the translation
     */
    public static Homography translation(double dx, double dy) {
        return affine(1, 0, dx, 0, 1, dy);
    }

    /**
     * Scales about the origin; a negative factor mirrors.
     *
     * @param sx horizontal factor, not zero
     * @param sy vertical factor, not zero
     * @return the scaling
     */
    public static Homography scaling(double sx, double sy) {
        return affine(sx, 0, 0, 0, sy, 0);
    }

    /**
     * Rotates about a centre, counter-clockwise as seen on screen for positive angles (the convention of OpenCV's
     * {@code getRotationMatrix2D}). Multiples of 90 degrees use exact sines and cosines, so quarter turns map pixel
     * grids onto pixel grids.
     *
     * @param degrees the angle
     * @param centreX horizontal centre of rotation
     * @param centreY vertical centre of rotation
     * @return the rotation
     */
    public static Homography rotation(double degrees, double centreX, double centreY) {
        double cos;
        double sin;
        if (degrees % QUARTER_TURN == 0) {
            int quarterTurns = Math.floorMod((long) (degrees / QUARTER_TURN), 4);
            cos = new double[] {1, 0, -1, 0}[quarterTurns];
            sin = new double[] {0, 1, 0, -1}[quarterTurns];
        } else {
            double radians = Math.toRadians(degrees);
            cos = Math.cos(radians);
            sin = Math.sin(radians);
        }
        return translation(-centreX, -centreY)
                .then(affine(cos, sin, 0, -sin, cos, 0))
                .then(translation(centreX, centreY));
    }

    /**
     * Composes two maps: first this one, then {@code next}.
     *
     * @param next the map applied after this one
     * @return {@code next * this}
     */
    public Homography then(Homography next) {
        double[] product = new double[9];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                double sum = 0;
                for (int k = 0; k < 3; k++) {
                    sum += next.m[row * 3 + k] * m[k * 3 + col];
                }
                product[row * 3 + col] = sum;
            }
        }
        return new Homography(product);
    }

    /** @return the map that undoes this one */
    public Homography inverse() {
        double det = determinant();
        return new Homography(new double[] {
                (m[4] * m[8] - m[5] * m[7]) / det, (m[2] * m[7] - m[1] * m[8]) / det, (m[1] * m[5] - m[2] * m[4]) / det,
                (m[5] * m[6] - m[3] * m[8]) / det, (m[0] * m[8] - m[2] * m[6]) / det, (m[2] * m[3] - m[0] * m[5]) / det,
                (m[3] * m[7] - m[4] * m[6]) / det, (m[1] * m[6] - m[0] * m[7]) / det, (m[0] * m[4] - m[1] * m[3]) / det});
    }

    /** @return true if the last row is {@code (0, 0, 1)}, so lines stay parallel */
    public boolean isAffine() {
        return m[6] == 0 && m[7] == 0 && m[8] == 1;
    }

    /**
     * Tells whether a point stays in front of the viewer, that is maps to a finite point on the same side of the
     * horizon as the image. Affine maps keep every point in front.
     *
     * @param x horizontal position
     * @param y vertical position
     * @return true if the point's homogeneous weight {@code g x + h y + i} is positive
     */
    public boolean keepsInFront(double x, double y) {
        return weight(x, y) > 0;
    }

    /**
     * Maps a point; visibility is kept.
     *
     * @param point a point that {@link #keepsInFront(double, double) stays in front}
     * @return the mapped point
     * @throws IllegalArgumentException if the point is sent to or beyond the horizon
     */
    public Keypoint map(Keypoint point) {
        double w = weight(point.x(), point.y());
        if (!(w > 0)) {
            throw new IllegalArgumentException("the point (" + point.x() + ", " + point.y() + ") is sent beyond the "
                    + "horizon by " + this + "; check keepsInFront first");
        }
        return new Keypoint((m[0] * point.x() + m[1] * point.y() + m[2]) / w,
                (m[3] * point.x() + m[4] * point.y() + m[5]) / w, point.visible());
    }

    /**
     * @param row 0, 1 or 2
     * @param col 0, 1 or 2
     * @return the entry at that row and column
     */
    public double get(int row, int col) {
        return m[row * 3 + col];
    }

    /** @return the nine entries row by row, in a new array */
    public double[] toArray() {
        return m.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Homography that && Arrays.equals(m, that.m);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m);
    }

    /** @return the rows, for example {@code [[1.0, 0.0, 5.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]} */
    @Override
    public String toString() {
        return "[" + Arrays.toString(Arrays.copyOfRange(m, 0, 3)) + ", " + Arrays.toString(Arrays.copyOfRange(m, 3, 6))
                + ", " + Arrays.toString(Arrays.copyOfRange(m, 6, 9)) + "]";
    }

    private double weight(double x, double y) {
        return m[6] * x + m[7] * y + m[8];
    }

    private double determinant() {
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6])
                + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }
}
