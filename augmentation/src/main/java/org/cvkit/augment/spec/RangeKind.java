package org.cvkit.augment.spec;

import org.cvkit.augment.Range;

/** How a single number in the op syntax becomes a {@link Range}; {@code LO:HI} always gives the range itself. */
enum RangeKind {
    /** Quantities whose neutral value is 0, such as angles and shifts: {@code X} means {@code -X:X}. */
    SHIFT,
    /** Factors whose neutral value is 1, such as scale and contrast: {@code X} means {@code 1-X:1+X}. */
    FACTOR,
    /** Amounts, such as a noise sigma or a kernel length: {@code X} means exactly {@code X}. */
    AMOUNT;

    /**
     * @param what the parameter, for messages
     * @param text {@code X} or {@code LO:HI}
     * @return the range
     * @throws IllegalArgumentException if the text is not a number or a range of two numbers
     */
    Range parse(String what, String text) {
        int colon = text.indexOf(':');
        if (colon >= 0) {
            return new Range(number(what, text.substring(0, colon)), number(what, text.substring(colon + 1)));
        }
        double value = number(what, text);
        if (this != AMOUNT && value < 0) {
            throw new IllegalArgumentException(what + "=" + text + ": a single value X means " + meaning()
                    + " and must not be negative; write LO:HI for any other range");
        }
        return switch (this) {
            case SHIFT -> Range.symmetric(value);
            case FACTOR -> Range.aroundOne(value);
            case AMOUNT -> Range.fixed(value);
        };
    }

    /** @return what a single value X means, for help and messages */
    String meaning() {
        return switch (this) {
            case SHIFT -> "the range -X:X";
            case FACTOR -> "the range 1-X:1+X";
            case AMOUNT -> "exactly X";
        };
    }

    private static double number(String what, String text) {
        try {
            double value = Double.parseDouble(text.trim());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(what + ": '" + text + "' is not a number; write a number such as 0.2, "
                + "or a range such as 0.1:0.3");
    }
}
