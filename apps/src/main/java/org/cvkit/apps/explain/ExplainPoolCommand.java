package org.cvkit.apps.explain;

import org.cvkit.core.arithmetic.PoolSpec;
import org.cvkit.core.arithmetic.VolumeShape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cvkit explain pool}: output size of a pooling layer. */
@Command(name = "pool", mixinStandardHelpOptions = true,
        description = "Output size of a pooling layer, e.g. --input 224x224x64 --window 2 --stride 2.")
final class ExplainPoolCommand extends LayerOptions {

    @Option(names = "--window", required = true, description = "Pooling window F.")
    int window;

    @Override
    Explanation explain() {
        PoolSpec pool = PoolSpec.of(window, stride);
        VolumeShape output = pool.outputShape(input);
        return new Explanation()
                .line("input", input.toString())
                .line("layer", String.format("pooling %dx%d, stride %d", window, window, stride))
                .line("width", sizeFormula(input.width(), window, 0, stride, output.width()))
                .line("height", sizeFormula(input.height(), window, 0, stride, output.height()))
                .line("output", output + " (depth unchanged)")
                .line("parameters", "0")
                .fact("input", input.toString())
                .fact("window", window).fact("stride", stride)
                .fact("output", output.toString())
                .fact("parameters", 0);
    }
}
