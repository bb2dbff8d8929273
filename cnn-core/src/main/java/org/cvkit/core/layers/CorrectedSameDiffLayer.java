package org.cvkit.core.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.samediff.SameDiffLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's runtime SameDiff layer with the doubled gradient of ND4J 1.0.0-M2.1 undone.
 *
 * <p>DL4J feeds the error arriving from the next layer into the SameDiff graph through an
 * {@code ExternalErrorsFunction}, whose {@code doDiff} both registers that error as the output's gradient and
 * returns it; SameDiff then adds the two, so every gradient the layer computes (its parameters' and its input's)
 * is exactly twice the true one. Backpropagation is linear in the incoming error, so halving that error gives the
 * true gradients. {@code CorrectedSameDiffLayerTest} fails once ND4J stops doubling, which is the moment to drop
 * this class.
 */
final class CorrectedSameDiffLayer extends SameDiffLayer {

    /**
     * @param configuration the layer's configuration
     * @param dataType      the network's data type
     */
    CorrectedSameDiffLayer(NeuralNetConfiguration configuration, DataType dataType) {
        super(configuration, dataType);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        return super.backpropGradient(epsilon.mul(0.5), workspaceMgr);
    }
}
