package org.cvkit.apps.explain;

import org.cvkit.core.arithmetic.ConvArithmetic;
import org.cvkit.core.arithmetic.ConvSpec;
import org.cvkit.core.arithmetic.ParameterCount;
import org.cvkit.core.arithmetic.VolumeShape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cvkit explain conv}: output size and parameters of a convolution layer. */
@Command(name = "conv", mixinStandardHelpOptions = true,
        description = "Output size and parameter count of a convolution layer, "
                + "e.g. --input 227x227x3 --filters 96 --kernel 11 --stride 4.")
final class ExplainConvCommand extends LayerOptions {

    @Option(names = "--filters", required = true, description = "Number of filters K.")
    int filters;

    @Option(names = "--kernel", required = true, description = "Filter size F.")
    int kernel;

    @Option(names = "--padding", defaultValue = "0",
            description = "Zero padding P, or 'same' for (F-1)/2 at stride 1 (default: ${DEFAULT-VALUE}).")
    String padding;

    @Override
    Explanation explain() {
        int pad = "same".equalsIgnoreCase(padding) ? ConvArithmetic.samePadding(kernel) : parsePadding();
        ConvSpec conv = new ConvSpec(filters, kernel, stride, pad);
        VolumeShape output = conv.outputShape(input);
        ParameterCount parameters = conv.parameters(input);
        long perFilter = conv.weightsPerFilter(input);
        return new Explanation()
                .line("input", input.toString())
                .line("layer", String.format("%d filters %dx%d, stride %d, padding %d", filters, kernel, kernel,
                        stride, pad))
                .line("width", sizeFormula(input.width(), kernel, pad, stride, output.width()))
                .line("height", sizeFormula(input.height(), kernel, pad, stride, output.height()))
                .line("output", output + " (" + Explanation.count(output.size()) + " neurons)")
                .line("weights", String.format("%d*%d*%d = %s per filter, %s in all", kernel, kernel, input.depth(),
                        Explanation.count(perFilter), Explanation.count(parameters.weights())))
                .line("biases", Explanation.count(parameters.biases()))
                .line("parameters", Explanation.count(parameters.total()))
                .line("unshared", String.format("without weight sharing: %s neurons x %s = %s",
                        Explanation.count(output.size()), Explanation.count(perFilter + 1),
                        Explanation.count(conv.unsharedParameters(input))))
                .fact("input", input.toString())
                .fact("filters", filters).fact("kernel", kernel).fact("stride", stride).fact("padding", pad)
                .fact("output", output.toString())
                .fact("weights", parameters.weights())
                .fact("biases", parameters.biases())
                .fact("parameters", parameters.total())
                .fact("unsharedParameters", conv.unsharedParameters(input));
    }

    private int parsePadding() {
        try {
            return Integer.parseInt(padding.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--padding must be a whole number or 'same' but is '" + padding + "'");
        }
    }
}
