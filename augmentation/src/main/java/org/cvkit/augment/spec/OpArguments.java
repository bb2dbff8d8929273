package org.cvkit.augment.spec;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cvkit.augment.Range;
import org.cvkit.augment.geometry.BorderMode;
import org.cvkit.core.geometry.ImageSize;

/**
 * What one op was given: its name, its value (the part after {@code =}) and its {@code key=value} options, with
 * typed readers that explain what is wrong with a bad value. Readers record which options were read, so options
 * that no reader asked for can be reported as unknown.
 */
final class OpArguments {

    private final String name;
    private final String value;
    private final Map<String, String> options;
    private final Set<String> read = new LinkedHashSet<>();

    OpArguments(String name, String value, Map<String, String> options) {
        this.name = name;
        this.value = value;
        this.options = new LinkedHashMap<>(options);
    }

    String name() {
        return name;
    }

    /** @throws IllegalArgumentException if a value was given */
    void requireNoValue() {
        if (value != null) {
            throw new IllegalArgumentException(name + " takes no value but was given '" + value + "'; write just "
                    + name);
        }
    }

    /** @return the value as a range of the given kind */
    Range range(RangeKind kind) {
        return kind.parse(name, requireValue("a number or a range LO:HI"));
    }

    /** @return the value as {@code WIDTHxHEIGHT} */
    ImageSize size() {
        String text = requireValue("a size WIDTHxHEIGHT");
        try {
            return ImageSize.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    /** @return the option as a range of the given kind, or {@code fallback} if it was not given */
    Range range(String key, RangeKind kind, Range fallback) {
        String text = option(key);
        return text == null ? fallback : kind.parse(name + " " + key, text);
    }

    /** @return the option as {@code true} or {@code false}, or {@code fallback} if it was not given */
    boolean flag(String key, boolean fallback) {
        String text = option(key);
        if (text == null) {
            return fallback;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new IllegalArgumentException(name + " " + key + " must be true or false but is '" + text
                    + "'");
        };
    }

    /** @return the option as a whole number, or {@code fallback} if it was not given */
    int integer(String key, int fallback) {
        String text = option(key);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " " + key + " must be a whole number but is '" + text + "'", e);
        }
    }

    /** @return the {@code border} option, {@code CONSTANT} if it was not given */
    BorderMode border() {
        String text = option("border");
        if (text == null) {
            return BorderMode.CONSTANT;
        }
        try {
            return BorderMode.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " border must be one of constant, replicate, reflect, wrap but"
                    + " is '" + text + "'", e);
        }
    }

    /** @throws IllegalArgumentException if an option was given that no reader asked for */
    void requireAllOptionsRead() {
        for (String key : options.keySet()) {
            if (!read.contains(key)) {
                throw new IllegalArgumentException(name + " has no option '" + key + "'"
                        + (read.isEmpty() ? "; it takes none" : "; it takes " + String.join(", ", read)));
            }
        }
    }

    private String option(String key) {
        read.add(key);
        return options.get(key);
    }

    private String requireValue(String expected) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " needs a value: write " + name + "=" + expected);
        }
        return value;
    }
}
