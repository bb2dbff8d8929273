package org.cvkit.core.arch;

import org.cvkit.core.arithmetic.ConvArithmetic;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.SeparableConvolution2D;
import org.nd4j.linalg.activations.Activation;

/**
 * A depthwise separable convolution (Xception, MobileNet) followed by ReLU, built as a
 * {@link SplitSeparableConvolution} (DL4J's {@link SeparableConvolution2D} computes the same, slower): first {@code depthMultiplier} spatial F x F filters per input channel, each
 * seeing only its own channel, then {@code filters} 1x1 convolutions that mix the {@code D * depthMultiplier}
 * maps, plus one bias per output filter.
 *
 * <p>Over depth D this costs {@code F*F*D*M + D*M*K + K} parameters instead of an ordinary convolution's
 * {@code F*F*D*K + K}: for 64 filters 3x3 over depth 32, {@code 288*M + 2048*M + 64 = 2336*M + 64} against 18,496.
 * The padding {@code (F - 1) / 2} keeps the size at stride 1.
 *
 * @param kernelSize      odd size F of the spatial filters
 * @param depthMultiplier spatial filters per input channel M
 * @param filters         1x1 filters K, the output depth
 * @param stride          stride of the spatial filters
 */
public record DepthwiseSeparableBlock(int kernelSize, int depthMultiplier, int filters, int stride)
        implements GraphBlock {

    /** Validates the sizes; the kernel must be odd so that symmetric padding keeps the size. */
    public DepthwiseSeparableBlock {
        ConvArithmetic.samePadding(kernelSize);
        Require.positive("depthMultiplier", depthMultiplier);
        Require.positive("filters", filters);
        Require.positive("stride", stride);
    }

    @Override
    public String addTo(ComputationGraphConfiguration.GraphBuilder graph, String name, String input) {
        int padding = ConvArithmetic.samePadding(kernelSize);
        return SplitSeparableConvolution.of(new SeparableConvolution2D.Builder(kernelSize, kernelSize)
                .depthMultiplier(depthMultiplier)
                .nOut(filters)
                .stride(stride, stride)
                .padding(padding, padding)
                .activation(Activation.RELU)
                .build()).addTo(graph, name, input);
    }

    /** @return the number of 1x1 filters */
    @Override
    public int outputChannels() {
        return filters;
    }
}
