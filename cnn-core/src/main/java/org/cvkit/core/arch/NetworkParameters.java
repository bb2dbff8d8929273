package org.cvkit.core.arch;

import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;

/**
 * How many parameters a DL4J network holds, read from its configuration without allocating it (VGG-16 would
 * take over half a gigabyte).
 *
 * <p>DL4J keeps the running mean and variance of batch normalization among a network's parameters; they are
 * updated by moving averages, not by gradient descent. PyTorch keeps them as buffers outside its parameter count
 * and Keras lists them as non-trainable, so {@link #trainable()} is the figure torchvision publishes and
 * {@link #total()} is what {@code numParams()} reports after {@code init()}.
 *
 * @param total               every parameter, as {@code MultiLayerNetwork.numParams()} counts them
 * @param batchNormStatistics running means and variances of the batch-normalization layers
 */
public record NetworkParameters(long total, long batchNormStatistics) {

    /** Validates that the counts are non-negative and the statistics are part of the total. */
    public NetworkParameters {
        if (batchNormStatistics < 0 || total < batchNormStatistics) {
            throw new IllegalArgumentException("need 0 <= batchNormStatistics <= total but got "
                    + batchNormStatistics + " and " + total);
        }
    }

    /**
     * @param configuration a built layer-stack configuration (with its input type set, so that every layer knows
     *                      its input size)
     * @return the parameter counts of the network it describes
     */
    public static NetworkParameters of(MultiLayerConfiguration configuration) {
        return sum(configuration.getConfs().stream());
    }

    /**
     * @param configuration a built graph configuration (with its input types set)
     * @return the parameter counts of the network it describes
     */
    public static NetworkParameters of(ComputationGraphConfiguration configuration) {
        return sum(configuration.getVertices().values().stream()
                .filter(LayerVertex.class::isInstance)
                .map(vertex -> ((LayerVertex) vertex).getLayerConf()));
    }

    /** @return the parameters that gradient descent updates */
    public long trainable() {
        return total - batchNormStatistics;
    }

    private static NetworkParameters sum(Stream<NeuralNetConfiguration> layers) {
        long total = 0;
        long statistics = 0;
        for (NeuralNetConfiguration layer : (Iterable<NeuralNetConfiguration>) layers::iterator) {
            total += layer.getLayer().initializer().numParams(layer);
            if (layer.getLayer() instanceof BatchNormalization norm) {
                statistics += 2 * norm.getNOut();
            }
        }
        return new NetworkParameters(total, statistics);
    }
}
