package org.cvkit.core.arch;

import java.util.Objects;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.nd4j.linalg.activations.Activation;

/**
 * A ResNet block (He et al. 2015): {@code relu(g(x) + shortcut(x))}, where g is a stack of bias-free convolutions
 * with batch normalization and the shortcut is the identity, or a strided 1x1 convolution with batch normalization
 * (a projection) where the block changes the size or the depth.
 *
 * <ul>
 *   <li>{@link Kind#BASIC} (ResNet-18/34): 3x3 conv (stride) - BN - ReLU - 3x3 conv - BN; output depth
 *       {@code width}.</li>
 *   <li>{@link Kind#BOTTLENECK} (ResNet-50 and deeper): 1x1 conv - BN - ReLU - 3x3 conv (stride) - BN - ReLU -
 *       1x1 conv - BN; the 1x1 convolutions shrink the depth to {@code width} and widen it again to
 *       {@code 4 * width}. The stride sits on the 3x3 convolution, as in torchvision.</li>
 * </ul>
 *
 * @param kind          basic or bottleneck
 * @param inputChannels depth of the block's input
 * @param width         filters of the block's 3x3 convolutions
 * @param stride        stride of the block (2 halves the size)
 */
public record ResidualBlock(Kind kind, int inputChannels, int width, int stride) implements GraphBlock {

    /** The two block designs of the ResNet paper. */
    public enum Kind {
        /** Two 3x3 convolutions. */
        BASIC(1),
        /** 1x1 reduce, 3x3, 1x1 expand by 4. */
        BOTTLENECK(4);

        private final int expansion;

        Kind(int expansion) {
            this.expansion = expansion;
        }

        /** @return how many times {@code width} the block's output depth is */
        public int expansion() {
            return expansion;
        }
    }

    /** Validates the sizes. */
    public ResidualBlock {
        Objects.requireNonNull(kind, "kind must not be null; use Kind.BASIC or Kind.BOTTLENECK");
        Require.positive("inputChannels", inputChannels);
        Require.positive("width", width);
        Require.positive("stride", stride);
    }

    @Override
    public String addTo(ComputationGraphConfiguration.GraphBuilder graph, String name, String input) {
        String residual = switch (kind) {
            case BASIC -> {
                String first = Layers.convBatchNorm(graph, name + "_1", input, width, 3, stride, true);
                yield Layers.convBatchNorm(graph, name + "_2", first, width, 3, 1, false);
            }
            case BOTTLENECK -> {
                String reduce = Layers.convBatchNorm(graph, name + "_1", input, width, 1, 1, true);
                String spatial = Layers.convBatchNorm(graph, name + "_2", reduce, width, 3, stride, true);
                yield Layers.convBatchNorm(graph, name + "_3", spatial, outputChannels(), 1, 1, false);
            }
        };
        String shortcut = projectsShortcut()
                ? Layers.convBatchNorm(graph, name + "_shortcut", input, outputChannels(), 1, stride, false)
                : input;
        graph.addVertex(name + "_add", new ElementWiseVertex(ElementWiseVertex.Op.Add), residual, shortcut);
        String output = name + "_relu";
        graph.addLayer(output, new ActivationLayer.Builder().activation(Activation.RELU).build(), name + "_add");
        return output;
    }

    /** @return {@code width * kind.expansion()} */
    @Override
    public int outputChannels() {
        return width * kind.expansion();
    }

    /** @return whether the input must be projected to add it to the block's output */
    public boolean projectsShortcut() {
        return stride != 1 || inputChannels != outputChannels();
    }
}
