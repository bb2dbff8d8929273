package org.cvkit.augment;

import java.util.SplittableRandom;

/**
 * A closed interval of real numbers from which a transform draws a parameter uniformly, once per sample.
 * A range whose ends are equal always gives that value and draws nothing from the generator.
 *
 * @param min the lower end, finite
 * @param max the upper end, finite and not below {@code min}
 */
public record Range(double min, double max) {

    /** Validates that the ends are finite and in order. */
    public Range {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("range ends must be finite but are " + min + " and " + max);
        }
        if (max < min) {
            throw new IllegalArgumentException("range " + min + ":" + max + " is inside out; write the lower end first");
        }
    }

    /**
     * The range holding one value.
     *
     * @param value the value, finite
     * @return {@code [value, value]}
     */
    public static Range fixed(double value) {
        return new Range(value, value);
    }

    /**
     * The range {@code [-limit, limit]}, for quantities whose neutral value is 0 (angles, shifts).
     *
     * @param limit the largest deviation, not negative
     * @return the symmetric range
     * @throws IllegalArgumentException if the limit is negative or not finite
     */
    public static Range symmetric(double limit) {
        requireNotNegative(limit);
        return new Range(-limit, limit);
    }

    /**
     * The range {@code [1 - limit, 1 + limit]}, for factors whose neutral value is 1 (scale, contrast).
     *
     * @param limit the largest deviation from 1, not negative
     * @return the range around 1
     * @throws IllegalArgumentException if the limit is negative or not finite
     */
    public static Range aroundOne(double limit) {
        requireNotNegative(limit);
        return new Range(1 - limit, 1 + limit);
    }

    /**
     * Draws a value uniformly from the range.
     *
     * @param random the generator of the current sample
     * @return {@code min} when the range holds one value, otherwise a value in {@code [min, max)}
     */
    public double sample(SplittableRandom random) {
        return min == max ? min : min + (max - min) * random.nextDouble();
    }

    /**
     * Checks that the range lies inside {@code [lowest, highest]}.
     *
     * @param what    the parameter's name, for the message
     * @param lowest  the smallest allowed value
     * @param highest the largest allowed value
     * @return this range
     * @throws IllegalArgumentException if an end lies outside the allowed interval
     */
    public Range requireWithin(String what, double lowest, double highest) {
        if (min < lowest || max > highest) {
            throw new IllegalArgumentException(what + " must lie within " + lowest + ":" + highest + " but is "
                    + this);
        }
        return this;
    }

    /**
     * Checks that every value of the range is above a bound.
     *
     * @param what  the parameter's name, for the message
     * @param bound the value every element must exceed
     * @return this range
     * @throws IllegalArgumentException if {@code min <= bound}
     */
    public Range requireAbove(String what, double bound) {
        if (min <= bound) {
            throw new IllegalArgumentException(what + " must be above " + bound + " but is " + this);
        }
        return this;
    }

    /**
     * Checks that no value of the range is below a bound.
     *
     * @param what  the parameter's name, for the message
     * @param bound the smallest allowed value
     * @return this range
     * @throws IllegalArgumentException if {@code min < bound}
     */
    public Range requireAtLeast(String what, double bound) {
        if (min < bound) {
            throw new IllegalArgumentException(what + " must not be below " + bound + " but is " + this);
        }
        return this;
    }

    /** @return {@code MIN:MAX}, the form the op syntax reads */
    @Override
    public String toString() {
        return min + ":" + max;
    }

    private static void requireNotNegative(double limit) {
        if (!(limit >= 0 && Double.isFinite(limit))) {
            throw new IllegalArgumentException("a range limit must be a finite number, not negative, but is " + limit);
        }
    }
}
