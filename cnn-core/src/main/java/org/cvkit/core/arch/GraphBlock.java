package org.cvkit.core.arch;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;

/**
 * A reusable piece of a computation graph: a few layers and vertices with one input and one output.
 *
 * <pre>{@code
 * GraphBuilder graph = new NeuralNetConfiguration.Builder().graphBuilder().addInputs("input");
 * String out = new InceptionBlock(64, 96, 128, 16, 32, 32).addTo(graph, "inception3a", "input");
 * }</pre>
 */
public sealed interface GraphBlock permits InceptionBlock, DepthwiseSeparableBlock, ResidualBlock {

    /**
     * Adds the block's layers and vertices; their names start with {@code name}.
     *
     * @param graph the graph under construction
     * @param name  a prefix unique within the graph
     * @param input the vertex (or network input) the block reads
     * @return the name of the block's output vertex, to pass as the next block's input
     */
    String addTo(ComputationGraphConfiguration.GraphBuilder graph, String name, String input);

    /** @return the number of channels the block outputs */
    int outputChannels();
}
