package org.cvkit.core.arch;

/** Argument checks shared by the architecture builders; each failure says what to pass instead. */
final class Require {

    private Require() {
    }

    /**
     * @param name  the setting's name as the caller knows it
     * @param value the value to check
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is not positive
     */
    static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive but is " + value);
        }
        return value;
    }

    /**
     * @param numClasses the number of classes a softmax output separates
     * @return {@code numClasses}
     * @throws IllegalArgumentException if fewer than two classes are asked for
     */
    static int classes(int numClasses) {
        if (numClasses < 2) {
            throw new IllegalArgumentException("a softmax classifier needs at least 2 classes but got "
                    + numClasses + "; pass the number of labels in the data set");
        }
        return numClasses;
    }

    /**
     * @param name    the dimension's name ("height", "width")
     * @param value   the input size
     * @param minimum the smallest size the architecture can take
     * @param why     why the architecture needs that size
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is below {@code minimum}
     */
    static int atLeast(String name, int value, int minimum, String why) {
        if (value < minimum) {
            throw new IllegalArgumentException(
                    name + " must be at least " + minimum + " but is " + value + ": " + why);
        }
        return value;
    }
}
