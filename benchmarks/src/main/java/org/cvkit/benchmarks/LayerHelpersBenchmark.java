package org.cvkit.benchmarks;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.cvkit.core.arch.LeNet5;
import org.cvkit.core.runtime.LayerHelpers;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
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
 * One LeNet-5 training step (batch of 32 Fashion-MNIST-sized images, Adam) with DL4J's oneDNN layer helpers, next
 * to the same network initialized without them in the same run. DL4J reads the helper switch when a network is
 * initialized, so the two networks are built with the switch set each way.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class LayerHelpersBenchmark {

    private static final int BATCH = 32;

    private MultiLayerNetwork withHelpers;
    private MultiLayerNetwork withoutHelpers;
    private INDArray images;
    private INDArray labels;

    /** Builds both networks and one batch. */
    @Setup(Level.Trial)
    public void setUp() {
        System.setProperty(LayerHelpers.DISABLE_PROPERTY, "true");
        withoutHelpers = leNet();
        System.setProperty(LayerHelpers.DISABLE_PROPERTY, "false");
        withHelpers = leNet();
        if (!hasHelpers(withHelpers) || hasHelpers(withoutHelpers)) {
            throw new IllegalStateException("the two networks must differ in their helpers to be compared");
        }
        images = Nd4j.rand(DataType.FLOAT, BATCH, 1, 28, 28);
        labels = Nd4j.zeros(DataType.FLOAT, BATCH, 10);
        for (int i = 0; i < BATCH; i++) {
            labels.putScalar(i, i % 10, 1);
        }
    }

    private static boolean hasHelpers(MultiLayerNetwork network) {
        return Arrays.stream(network.getLayers()).anyMatch(layer -> layer.getHelper() != null);
    }

    private static MultiLayerNetwork leNet() {
        MultiLayerNetwork network = new MultiLayerNetwork(LeNet5.configuration(28, 28, 1, 10, 42, new Adam(1e-3)));
        network.init();
        return network;
    }

    /** A training step through the oneDNN helpers. */
    @Benchmark
    public double trainingStepWithHelpers() {
        withHelpers.fit(images, labels);
        return withHelpers.score();
    }

    /** The same step through DL4J's own im2col path. */
    @Benchmark
    public double trainingStepWithoutHelpers() {
        withoutHelpers.fit(images, labels);
        return withoutHelpers.score();
    }
}
