package org.cvkit.core.geometry;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The size of an image in pixels, written {@code WIDTHxHEIGHT} (for example {@code 640x480}).
 *
 * @param width  number of columns, positive
 * @param height number of rows, positive
 */
public record ImageSize(int width, int height) {

    private static final Pattern TEXT_FORM = Pattern.compile("\\s*(\\d+)\\s*[xX]\\s*(\\d+)\\s*");

    /** Validates that both dimensions are positive. */
    public ImageSize {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException(
                    "image size must be positive in both dimensions but is " + width + "x" + height);
        }
    }

    /**
     * Parses {@code WIDTHxHEIGHT}, for example {@code 640x480}; the {@code x} may be upper case and spaces
     * around the numbers are ignored.
     *
     * @param text the size as text
     * @return the parsed size
     * @throws IllegalArgumentException if the text is not of that form or a dimension is not positive
     */
    public static ImageSize parse(String text) {
        Matcher matcher = TEXT_FORM.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "image size '" + text + "' must look like WIDTHxHEIGHT, for example 640x480");
        }
        try {
            return new ImageSize(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "image size '" + text + "' has a dimension beyond " + Integer.MAX_VALUE + " pixels", e);
        }
    }

    /** @return the number of pixels, width * height */
    public long area() {
        return (long) width * height;
    }

    /** @return the size as {@code WIDTHxHEIGHT}, the form {@link #parse(String)} reads */
    @Override
    public String toString() {
        return width + "x" + height;
    }
}
