package org.cvkit.augment.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cvkit.augment.OneOf;
import org.cvkit.augment.Sequence;
import org.cvkit.augment.Sometimes;
import org.cvkit.augment.Transform;

/**
 * Reads augmentation pipelines written as text, as {@code cvkit augment --ops} and {@code --pipeline} take them.
 *
 * <pre>
 * pipeline    := step { ',' step }                    (in a file, line breaks also separate steps)
 * step        := alternative { '|' alternative } [ '@' P ]
 * alternative := NAME [ '=' VALUE ] { ' ' KEY '=' VALUE }
 * </pre>
 *
 * Steps run in order. A step with several alternatives applies one of them, chosen uniformly; {@code @P} applies
 * the step with probability {@code P} (default 1). A value is a number or a range {@code LO:HI}; a single number
 * {@code X} means {@code -X:X} for shifts (angles, offsets, brightness), {@code 1-X:1+X} for factors (scale,
 * contrast, gamma, saturation) and exactly {@code X} for amounts (noise, blur, sizes), and the parameter is drawn
 * from its range per sample. In a file, {@code #} starts a comment. Example:
 * {@code hflip@0.5, rotate=15 border=reflect, brightness=0.2|contrast=0.3@0.8, gauss-noise=2:8}.
 */
public final class AugmentationSpec {

    private AugmentationSpec() {
    }

    /**
     * Parses a pipeline.
     *
     * @param text steps separated by commas
     * @return the pipeline
     * @throws IllegalArgumentException if the text has no step, names an unknown op or gives an invalid value
     */
    public static Transform parse(String text) {
        List<Transform> steps = parseSteps(text);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("no augmentation step given; write ops such as 'hflip@0.5, rotate=15'");
        }
        return new Sequence(steps);
    }

    /**
     * Reads a pipeline file: the syntax of {@link #parse(String)}, where line breaks also separate steps and
     * {@code #} starts a comment.
     *
     * @param file a UTF-8 text file
     * @return the pipeline
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if a line is invalid (the message gives its number) or there is no step
     */
    public static Transform read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Transform> steps = new ArrayList<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1);
            int comment = line.indexOf('#');
            try {
                steps.addAll(parseSteps(comment >= 0 ? line.substring(0, comment) : line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + number + ": " + e.getMessage(), e);
            }
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no augmentation step; write one op per line, "
                    + "such as 'rotate=15'");
        }
        return new Sequence(steps);
    }

    /** @return one line per op with its usage and meaning, for help texts */
    public static List<String> opHelp() {
        return OpCatalog.all().stream()
                .map(op -> String.format(Locale.ROOT, "  %-44s %s", op.name() + op.usage(), op.description()))
                .toList();
    }

    private static List<Transform> parseSteps(String text) {
        List<Transform> steps = new ArrayList<>();
        for (String step : text.split(",")) {
            if (!step.isBlank()) {
                try {
                    steps.add(parseStep(step.trim()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("in '" + step.trim() + "': " + e.getMessage(), e);
                }
            }
        }
        return steps;
    }

    private static Transform parseStep(String step) {
        int at = step.lastIndexOf('@');
        String body = at >= 0 ? step.substring(0, at) : step;
        List<Transform> alternatives = new ArrayList<>();
        for (String alternative : body.split("\\|", -1)) {
            if (alternative.isBlank()) {
                throw new IllegalArgumentException("an alternative is empty; write ops on both sides of '|'");
            }
            alternatives.add(OpCatalog.build(parseOp(alternative.trim())));
        }
        Transform transform = alternatives.size() == 1 ? alternatives.get(0) : new OneOf(alternatives);
        return at >= 0 ? new Sometimes(probability(step.substring(at + 1)), transform) : transform;
    }

    private static OpArguments parseOp(String text) {
        String[] tokens = text.split("\\s+");
        String[] head = tokens[0].split("=", 2);
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < tokens.length; i++) {
            String[] option = tokens[i].split("=", 2);
            if (option.length != 2 || option[0].isEmpty() || option[1].isEmpty()) {
                throw new IllegalArgumentException("option '" + tokens[i] + "' must look like KEY=VALUE");
            }
            if (options.put(option[0].toLowerCase(Locale.ROOT), option[1]) != null) {
                throw new IllegalArgumentException("option '" + option[0] + "' is given twice");
            }
        }
        return new OpArguments(head[0].toLowerCase(Locale.ROOT), head.length == 2 ? head[1] : null, options);
    }

    private static double probability(String text) {
        try {
            double probability = Double.parseDouble(text.trim());
            if (probability >= 0 && probability <= 1) {
                return probability;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'@" + text.trim() + "' must give a probability from 0 to 1, such as @0.5");
    }
}
