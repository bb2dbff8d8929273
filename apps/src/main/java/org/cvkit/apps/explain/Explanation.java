package org.cvkit.apps.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The worked answer for one layer: labelled lines for people and the same facts as named numbers for JSON.
 */
final class Explanation {

    private final List<String[]> lines = new ArrayList<>();
    private final Map<String, Object> facts = new LinkedHashMap<>();

    Explanation line(String label, String text) {
        lines.add(new String[] {label, text});
        return this;
    }

    Explanation fact(String name, Object value) {
        facts.put(name, value);
        return this;
    }

    Map<String, Object> facts() {
        return facts;
    }

    String render() {
        int width = lines.stream().mapToInt(line -> line[0].length()).max().orElse(0);
        StringBuilder text = new StringBuilder();
        for (String[] line : lines) {
            text.append(String.format(Locale.ROOT, "%-" + width + "s  %s%n", line[0], line[1]));
        }
        return text.toString();
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
