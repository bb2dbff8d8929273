package org.cvkit.core.arithmetic;

/**
 * The shape of an activation volume, written as the course writes it: width x height x depth.
 *
 * @param width  number of columns, positive
 * @param height number of rows, positive
 * @param depth  number of channels, positive
 */
public record VolumeShape(int width, int height, int depth) {

    /** Validates that every dimension is positive. */
    public VolumeShape {
        requirePositive("width", width);
        requirePositive("height", height);
        requirePositive("depth", depth);
    }

    /**
     * Parses {@code WxHxD} (for example {@code 227x227x3}) or {@code WxH} (depth 1).
     *
     * @param text the shape as text
     * @return the parsed shape
     * @throws IllegalArgumentException if the text is not of that form
     */
    public static VolumeShape parse(String text) {
        String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split("x");
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException(
                    "shape '" + text + "' must look like WIDTHxHEIGHTxDEPTH, for example 227x227x3");
        }
        try {
            int depth = parts.length == 3 ? Integer.parseInt(parts[2].trim()) : 1;
            return new VolumeShape(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()), depth);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "shape '" + text + "' must hold whole numbers, for example 227x227x3", e);
        }
    }

    /** @return the number of values in the volume (width * height * depth) */
    public long size() {
        return (long) width * height * depth;
    }

    @Override
    public String toString() {
        return width + "x" + height + "x" + depth;
    }

    static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new InvalidGeometryException(name + " must be positive but is " + value);
        }
    }
}
