package org.cvkit.benchmarks;

import java.util.concurrent.TimeUnit;
import org.cvkit.core.arch.SplitSeparableConvolution;
import org.cvkit.core.layers.FastLeakyReLU;
import org.cvkit.core.runtime.LayerHelpers;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SeparableConvolution2D;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two DL4J slow paths cnn-core works around, each next to its replacement in the same run, on tensors the size
 * of those in face-api's landmark net and Yolo-Fastest: a 3x3 depthwise separable convolution, 64 to 128 channels
 * at 56x56 (DL4J's {@code SeparableConvolution2D} against {@link SplitSeparableConvolution}, checked to compute the
 * same output at set-up), and leaky ReLU with slope 0.1 on a {@code [1, 64, 80, 80]} feature map (ND4J's
 * {@code ActivationLReLU} against {@link FastLeakyReLU}: forward as the activation of a 1x1 convolution, 64 to 64
 * channels, where Darknet networks have it, and backward on its own, including a copy of its input).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class SlowPathBenchmark {

    private static final int CHANNELS = 64;
    private static final int FILTERS = 128;
    private static final int SIZE = 56;
    private static final int FEATURE_SIZE = 80;
    private static final double SLOPE = 0.1;

    private MultiLayerNetwork separable;
    private MultiLayerNetwork split;
    private INDArray images;
    private INDArray featureMap;
    private INDArray gradient;
    private INDArray work;
    private INDArray epsilon;
    private final IActivation nd4jLeaky = new ActivationLReLU(SLOPE);
    private final IActivation fastLeaky = new FastLeakyReLU(SLOPE);
    private MultiLayerNetwork nd4jLeakyConvolution;
    private MultiLayerNetwork fastLeakyConvolution;

    /** Builds both convolutions with the same weights, and the tensors. */
    @Setup(Level.Trial)
    public void setUp() {
        LayerHelpers.enable();
        SeparableConvolution2D layer = new SeparableConvolution2D.Builder(3, 3).nIn(CHANNELS).nOut(FILTERS)
                .convolutionMode(ConvolutionMode.Same).build();
        separable = network(list().layer(layer.clone()));
        split = network(SplitSeparableConvolution.of(layer).addTo(list()));
        split.getLayer(0).setParam("W", SplitSeparableConvolution.depthwiseKernel(separable.getParam("0_W")));
        split.getLayer(1).setParam("W", separable.getParam("0_pW"));
        split.getLayer(1).setParam("b", separable.getParam("0_b"));
        images = Nd4j.rand(DataType.FLOAT, 1, CHANNELS, SIZE, SIZE).subi(0.5);
        double difference = separable.output(images).sub(split.output(images)).amaxNumber().doubleValue();
        if (difference > 1e-4) {
            throw new IllegalStateException("the split convolution differs from the separable one by " + difference);
        }
        featureMap = Nd4j.rand(DataType.FLOAT, 1, CHANNELS, FEATURE_SIZE, FEATURE_SIZE).subi(0.5);
        gradient = Nd4j.rand(DataType.FLOAT, 1, CHANNELS, FEATURE_SIZE, FEATURE_SIZE);
        nd4jLeakyConvolution = convolutionWith(nd4jLeaky);
        fastLeakyConvolution = convolutionWith(fastLeaky);
        work = featureMap.dup();
        epsilon = gradient.dup();
    }

    private static MultiLayerNetwork convolutionWith(IActivation activation) {
        MultiLayerNetwork network = new MultiLayerNetwork(list()
                .layer(new ConvolutionLayer.Builder(1, 1).nIn(CHANNELS).nOut(CHANNELS).activation(activation).build())
                .setInputType(InputType.convolutional(FEATURE_SIZE, FEATURE_SIZE, CHANNELS)).build());
        network.init();
        return network;
    }

    private static NeuralNetConfiguration.ListBuilder list() {
        return new NeuralNetConfiguration.Builder().seed(7).dataType(DataType.FLOAT).list();
    }

    private static MultiLayerNetwork network(NeuralNetConfiguration.ListBuilder list) {
        MultiLayerNetwork network = new MultiLayerNetwork(list.setInputType(InputType.convolutional(SIZE, SIZE,
                CHANNELS)).build());
        network.init();
        return network;
    }

    /** DL4J's separable convolution layer, forward. */
    @Benchmark
    public INDArray separableConvolution() {
        return separable.output(images);
    }

    /** The same convolution as a depthwise and a 1x1 layer, forward. */
    @Benchmark
    public INDArray splitSeparableConvolution() {
        return split.output(images);
    }

    /** A 1x1 convolution with ND4J's leaky ReLU as its activation, as Darknet's convolutions have it, forward. */
    @Benchmark
    public INDArray nd4jLeakyReluForward() {
        return nd4jLeakyConvolution.output(featureMap);
    }

    /** The same convolution with {@link FastLeakyReLU}, forward. */
    @Benchmark
    public INDArray fastLeakyReluForward() {
        return fastLeakyConvolution.output(featureMap);
    }

    /** ND4J's leaky ReLU, backward. */
    @Benchmark
    public INDArray nd4jLeakyReluBackward() {
        return nd4jLeaky.backprop(work.assign(featureMap), epsilon.assign(gradient)).getFirst();
    }

    /** {@link FastLeakyReLU}, backward. */
    @Benchmark
    public INDArray fastLeakyReluBackward() {
        return fastLeaky.backprop(work.assign(featureMap), epsilon.assign(gradient)).getFirst();
    }
}
