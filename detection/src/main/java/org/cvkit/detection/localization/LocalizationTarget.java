package org.cvkit.detection.localization;

import java.util.Objects;
import org.cvkit.core.geometry.Box;
import org.cvkit.detection.geometry.GroundTruth;

/**
 * The course's target vector for classification with localization, {@code y = [pc, bx, by, bh, bw, c1..ck]}:
 * {@code pc} is 1 when an object is present, {@code (bx, by)} its centre and {@code bh, bw} its height and width
 * (height first, as the course writes it), and {@code c1..ck} a one-hot class. In image coordinates
 * {@code (0, 0)} is the top-left corner and {@code (1, 1)} the bottom-right one. With no object, {@code pc} is 0
 * and the rest "don't care" (written as 0). YOLO uses the same layout per grid cell and anchor.
 */
public final class LocalizationTarget {

    /** Index of pc, the probability that an object is present. */
    public static final int PC = 0;
    /** Index of bx, the horizontal centre. */
    public static final int BX = 1;
    /** Index of by, the vertical centre. */
    public static final int BY = 2;
    /** Index of bh, the height. */
    public static final int BH = 3;
    /** Index of bw, the width. */
    public static final int BW = 4;
    /** Index of c1, the first class. */
    public static final int FIRST_CLASS = 5;

    private LocalizationTarget() {
    }

    /**
     * @param numClasses number of classes k, positive
     * @return the length of y, {@code 5 + k}
     */
    public static int length(int numClasses) {
        return FIRST_CLASS + requireClasses(numClasses);
    }

    /**
     * The target for an image holding one object.
     *
     * @param object     the object, its box in normalized image coordinates inside {@code [0, 1] x [0, 1]}
     * @param numClasses number of classes k
     * @return {@code [1, bx, by, bh, bw, one-hot class]}
     * @throws IllegalArgumentException if the box leaves the unit square or the class is not below k
     */
    public static double[] forObject(GroundTruth object, int numClasses) {
        Box box = Objects.requireNonNull(object, "object").box();
        if (box.x1() < 0 || box.y1() < 0 || box.x2() > 1 || box.y2() > 1) {
            throw new IllegalArgumentException("box " + box + " is not in normalized image coordinates inside [0, 1];"
                    + " convert it with box.clip(size).toNormalized(size)");
        }
        return of(box.centreX(), box.centreY(), box.height(), box.width(), object.classIndex(), numClasses);
    }

    /**
     * The target for an object given by its centre and size in any unit (image or grid-cell units).
     *
     * @param bx         horizontal centre
     * @param by         vertical centre
     * @param bh         height, not negative
     * @param bw         width, not negative
     * @param classIndex the class, from 0 to k - 1
     * @param numClasses number of classes k
     * @return {@code [1, bx, by, bh, bw, one-hot class]}
     * @throws IllegalArgumentException if a value is not finite, a side is negative or the class is not below k
     */
    public static double[] of(double bx, double by, double bh, double bw, int classIndex, int numClasses) {
        double[] y = new double[length(numClasses)];
        if (classIndex < 0 || classIndex >= numClasses) {
            throw new IllegalArgumentException(
                    "class index must lie in [0, " + numClasses + ") but is " + classIndex);
        }
        if (!(Double.isFinite(bx) && Double.isFinite(by) && bh >= 0 && bw >= 0
                && Double.isFinite(bh) && Double.isFinite(bw))) {
            throw new IllegalArgumentException("a target needs a finite centre and a finite, non-negative size but"
                    + " has bx=" + bx + ", by=" + by + ", bh=" + bh + ", bw=" + bw);
        }
        y[PC] = 1;
        y[BX] = bx;
        y[BY] = by;
        y[BH] = bh;
        y[BW] = bw;
        y[FIRST_CLASS + classIndex] = 1;
        return y;
    }

    /**
     * The target for an image without an object: pc = 0 and zeros in the "don't care" places.
     *
     * @param numClasses number of classes k
     * @return a vector of {@code 5 + k} zeros
     */
    public static double[] forBackground(int numClasses) {
        return new double[length(numClasses)];
    }

    /**
     * Reads the box out of a target or prediction.
     *
     * @param y a vector laid out as {@code [pc, bx, by, bh, bw, ...]} with non-negative bh and bw
     * @return the box centred at {@code (bx, by)} with width bw and height bh, in y's units
     * @throws IllegalArgumentException if y is shorter than 5 or its size is negative
     */
    public static Box box(double[] y) {
        if (y.length < FIRST_CLASS) {
            throw new IllegalArgumentException("a target vector has at least 5 entries but this one has "
                    + y.length);
        }
        return Box.fromCentre(y[BX], y[BY], y[BW], y[BH]);
    }

    private static int requireClasses(int numClasses) {
        if (numClasses < 1) {
            throw new IllegalArgumentException("the number of classes must be positive but is " + numClasses);
        }
        return numClasses;
    }
}
