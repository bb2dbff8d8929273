package org.cvkit.core.arch;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.nd4j.linalg.activations.Activation;

/**
 * GoogLeNet's Inception module (Szegedy et al. 2014): four parallel branches over the same input, concatenated
 * along the depth. The 1x1 "reduce" convolutions shrink the depth before the costly 3x3 and 5x5 filters.
 *
 * <pre>
 * input -+- 1x1 conv ---------------------+
 *        +- 1x1 reduce -> 3x3 conv -------+
 *        +- 1x1 reduce -> 5x5 conv -------+-> depth concatenation
 *        +- 3x3 max pool (stride 1) -> 1x1 +
 * </pre>
 *
 * <p>Every convolution is followed by ReLU and padded so that all branches keep the input's height and width.
 * GoogLeNet's inception (3a), on 28x28x192, is {@code new InceptionBlock(64, 96, 128, 16, 32, 32)}.
 *
 * @param conv1x1        filters of the 1x1 branch
 * @param reduce3x3      1x1 filters before the 3x3 convolution
 * @param conv3x3        filters of the 3x3 convolution
 * @param reduce5x5      1x1 filters before the 5x5 convolution
 * @param conv5x5        filters of the 5x5 convolution
 * @param poolProjection 1x1 filters after the max pooling
 */
public record InceptionBlock(int conv1x1, int reduce3x3, int conv3x3, int reduce5x5, int conv5x5,
                             int poolProjection) implements GraphBlock {

    /** Validates that every branch has filters. */
    public InceptionBlock {
        Require.positive("conv1x1", conv1x1);
        Require.positive("reduce3x3", reduce3x3);
        Require.positive("conv3x3", conv3x3);
        Require.positive("reduce5x5", reduce5x5);
        Require.positive("conv5x5", conv5x5);
        Require.positive("poolProjection", poolProjection);
    }

    @Override
    public String addTo(ComputationGraphConfiguration.GraphBuilder graph, String name, String input) {
        String branch1x1 = convRelu(graph, name + "_1x1", conv1x1, 1, input);
        String branch3x3 = convRelu(graph, name + "_3x3", conv3x3, 3,
                convRelu(graph, name + "_3x3_reduce", reduce3x3, 1, input));
        String branch5x5 = convRelu(graph, name + "_5x5", conv5x5, 5,
                convRelu(graph, name + "_5x5_reduce", reduce5x5, 1, input));
        graph.addLayer(name + "_pool", Layers.maxPool(name + "_pool", 3, 1, 1), input);
        String branchPool = convRelu(graph, name + "_pool_proj", poolProjection, 1, name + "_pool");
        String output = name + "_output";
        graph.addVertex(output, new MergeVertex(), branch1x1, branch3x3, branch5x5, branchPool);
        return output;
    }

    /** @return the depth of the concatenation: {@code conv1x1 + conv3x3 + conv5x5 + poolProjection} */
    @Override
    public int outputChannels() {
        return conv1x1 + conv3x3 + conv5x5 + poolProjection;
    }

    private static String convRelu(ComputationGraphConfiguration.GraphBuilder graph, String name, int filters,
                                   int kernel, String input) {
        graph.addLayer(name, Layers.conv(name, filters, kernel, 1, (kernel - 1) / 2, Activation.RELU), input);
        return name;
    }
}
