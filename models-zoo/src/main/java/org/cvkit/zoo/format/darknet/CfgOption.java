package org.cvkit.zoo.format.darknet;

/**
 * One {@code key=value} line of a Darknet cfg section.
 *
 * @param key   option name, trimmed
 * @param value option value, trimmed, with any trailing comment removed
 * @param line  1-based line number in the cfg file
 */
public record CfgOption(String key, String value, int line) {
}
