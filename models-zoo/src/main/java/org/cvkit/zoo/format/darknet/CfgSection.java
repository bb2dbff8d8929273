package org.cvkit.zoo.format.darknet;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.cvkit.zoo.format.ModelFormatException;

/**
 * One {@code [type]} section of a Darknet cfg with its options in file order.
 *
 * <p>Repeated keys are all kept; the single-value getters return the first occurrence, as Darknet does. Typed
 * getters fail with a {@link ModelFormatException} naming the file, line, section and option.
 *
 * @param source  name of the cfg file, for messages
 * @param type    canonical section type, for example {@code convolutional} (Darknet's short aliases such as
 *                {@code conv} or {@code max} are expanded)
 * @param line    1-based line number of the section header
 * @param options the options in file order
 */
public record CfgSection(String source, String type, int line, List<CfgOption> options) {

    /** Copies the option list. */
    public CfgSection {
        options = List.copyOf(options);
    }

    /**
     * @param key option name
     * @return the first value of that option, if present
     */
    public Optional<String> find(String key) {
        return options.stream().filter(option -> option.key().equals(key)).map(CfgOption::value).findFirst();
    }

    /**
     * @param key option name
     * @return every value of that option, in file order (empty if absent)
     */
    public List<String> values(String key) {
        return options.stream().filter(option -> option.key().equals(key)).map(CfgOption::value).toList();
    }

    /**
     * @param key option name
     * @return the first value of that option
     * @throws ModelFormatException if the option is absent
     */
    public String string(String key) {
        return find(key).orElseThrow(() -> error("lacks the required option '" + key + "'"));
    }

    /**
     * @param key option name
     * @return the option as a whole number
     * @throws ModelFormatException if the option is absent or not a whole number
     */
    public int intValue(String key) {
        return parseInt(key, string(key));
    }

    /**
     * @param key      option name
     * @param fallback value when the option is absent
     * @return the option as a whole number, or {@code fallback}
     * @throws ModelFormatException if the option is present but not a whole number
     */
    public int intValue(String key, int fallback) {
        return find(key).map(value -> parseInt(key, value)).orElse(fallback);
    }

    /**
     * @param key      option name
     * @param fallback value when the option is absent
     * @return the option as a number, or {@code fallback}
     * @throws ModelFormatException if the option is present but not a number
     */
    public float floatValue(String key, float fallback) {
        return find(key).map(value -> {
            try {
                return Float.parseFloat(value);
            } catch (NumberFormatException e) {
                throw error("option " + key + "=" + value + " is not a number");
            }
        }).orElse(fallback);
    }

    /**
     * @param key      option name
     * @param fallback value when the option is absent
     * @return true if the option is a non-zero whole number (Darknet's {@code batch_normalize=1} style)
     * @throws ModelFormatException if the option is present but not a whole number
     */
    public boolean flag(String key, boolean fallback) {
        return intValue(key, fallback ? 1 : 0) != 0;
    }

    /**
     * @param key option name
     * @return the option's comma-separated whole numbers, for example {@code layers=-1, 8}
     * @throws ModelFormatException if the option is absent or holds something other than whole numbers
     */
    public int[] intList(String key) {
        return Arrays.stream(string(key).split(",")).map(String::trim).mapToInt(value -> parseInt(key, value))
                .toArray();
    }

    /**
     * @param problem what is wrong, completing "SOURCE line N: [type] ..."
     * @return an exception naming this section's file, line and type
     */
    public ModelFormatException error(String problem) {
        return new ModelFormatException(source + " line " + line + ": [" + type + "] " + problem);
    }

    private int parseInt(String key, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw error("option " + key + "=" + value + " is not a whole number");
        }
    }
}
