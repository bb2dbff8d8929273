package org.cvkit.zoo.format.darknet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cvkit.zoo.format.ModelFormatException;

/**
 * A parsed Darknet {@code .cfg} file: a {@code [net]} section followed by the layer sections.
 *
 * <p>Parsing follows Darknet: blank lines are skipped, {@code #} and {@code ;} start comments (at the start of a
 * line or after a value), {@code [type]} opens a section and {@code key=value} adds an option to it. Layer
 * indices, as used by {@code [route] layers=} and {@code [shortcut] from=}, count the sections after
 * {@code [net]} from 0.
 *
 * @param source   name of the file, for messages
 * @param sections every section in file order, the first being {@code [net]}
 */
public record DarknetCfg(String source, List<CfgSection> sections) {

    private static final Map<String, String> ALIASES = Map.of(
            "network", "net", "conv", "convolutional", "max", "maxpool", "avg", "avgpool");

    /** Copies the sections and checks that the first is {@code [net]}. */
    public DarknetCfg {
        sections = List.copyOf(sections);
        if (sections.isEmpty()) {
            throw new ModelFormatException(source + " holds no sections; a Darknet cfg starts with [net]");
        }
        if (!sections.get(0).type().equals("net")) {
            throw sections.get(0).error("comes first, but a Darknet cfg must start with [net]");
        }
    }

    /**
     * @param file a Darknet cfg file
     * @return the parsed cfg
     * @throws IOException          if the file cannot be read
     * @throws ModelFormatException if it is not a Darknet cfg
     */
    public static DarknetCfg read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
    }

    /**
     * @param text   the cfg text
     * @param source name used in messages
     * @return the parsed cfg
     * @throws ModelFormatException if the text is not a Darknet cfg
     */
    public static DarknetCfg parse(String text, String source) {
        List<CfgSection> sections = new ArrayList<>();
        String type = null;
        int headerLine = 0;
        List<CfgOption> options = new ArrayList<>();
        String[] lines = text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = withoutComment(lines[i]).trim();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]") || line.length() < 3) {
                    throw new ModelFormatException(source + " line " + lineNumber + ": section header '" + line
                            + "' must look like [name]");
                }
                if (type != null) {
                    sections.add(new CfgSection(source, type, headerLine, options));
                }
                String name = line.substring(1, line.length() - 1).trim().toLowerCase(Locale.ROOT);
                type = ALIASES.getOrDefault(name, name);
                headerLine = lineNumber;
                options = new ArrayList<>();
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new ModelFormatException(source + " line " + lineNumber + ": '" + line
                        + "' is neither a [section] header nor a key=value option");
            }
            if (type == null) {
                throw new ModelFormatException(source + " line " + lineNumber + ": option '" + line
                        + "' comes before the first [section]");
            }
            options.add(new CfgOption(line.substring(0, equals).trim(), line.substring(equals + 1).trim(),
                    lineNumber));
        }
        if (type != null) {
            sections.add(new CfgSection(source, type, headerLine, options));
        }
        return new DarknetCfg(source, sections);
    }

    private static String withoutComment(String line) {
        int end = line.length();
        int hash = line.indexOf('#');
        int semicolon = line.indexOf(';');
        if (hash >= 0) {
            end = hash;
        }
        if (semicolon >= 0 && semicolon < end) {
            end = semicolon;
        }
        return line.substring(0, end);
    }

    /** @return the {@code [net]} section (input size, training settings) */
    public CfgSection net() {
        return sections.get(0);
    }

    /** @return the layer sections, index {@code i} being Darknet's layer {@code i} */
    public List<CfgSection> layers() {
        return sections.subList(1, sections.size());
    }
}
