package org.cvkit.apps.explain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.cvkit.core.arithmetic.VolumeShape;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** What every {@code explain} sub-command shares: the input shape, the stride and the output format. */
abstract class LayerOptions implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, converter = VolumeShapeConverter.class,
            description = "Input volume WIDTHxHEIGHTxDEPTH, e.g. 227x227x3.")
    VolumeShape input;

    @Option(names = "--stride", defaultValue = "1", description = "Stride S (default: ${DEFAULT-VALUE}).")
    int stride;

    @Option(names = "--json", description = "Print the numbers as one JSON object.")
    boolean json;

    abstract Explanation explain();

    @Override
    public void run() {
        Explanation explanation = explain();
        if (json) {
            try {
                spec.commandLine().getOut().println(new ObjectMapper()
                        .disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(explanation.facts()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            spec.commandLine().getOut().print(explanation.render());
        }
        spec.commandLine().getOut().flush();
    }

    static String sizeFormula(int in, int window, int padding, int stride, int out) {
        return String.format(Locale.ROOT, "(%d - %d + 2*%d)/%d + 1 = %d", in, window, padding, stride, out);
    }
}
