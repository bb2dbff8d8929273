package org.cvkit.face.siamese;

import java.util.Collection;
import java.util.Map;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The course's binary alternative to the triplet loss, as a DL4J output layer: every two images {@code i, j} of a
 * mini-batch form a pair, whose element-wise difference {@code |f(i) - f(j)|} goes through logistic regression,
 * {@code y_hat = sigmoid(sum_k w_k |f(i)_k - f(j)_k| + b)}, trained with the cross-entropy against
 * {@code y = 1} for the same identity and {@code y = 0} for different ones. The weights {@code w} and bias {@code b}
 * are learned with the encoder.
 *
 * <p>The "labels" of a batch are the identity of each image, a {@code [batch, 1]} column of whole numbers. A
 * balanced batch of P identities with K images each has far fewer same-identity pairs than different ones, so each
 * image's loss weighs both kinds equally: {@code L_i = (mean over same pairs (i,j) + mean over different pairs
 * (i,j)) / 2} (a kind with no pair adds 0); the score of a batch is the mean of the {@code L_i}.
 *
 * <p>At inference the layer passes its input, the embeddings, through unchanged. Parameters: {@value #WEIGHT_KEY}
 * ({@code [1, dimension]}, starting at {@code -1/sqrt(dimension)} so that larger differences start as "different")
 * and {@value #BIAS_KEY} ({@code [1, 1]}, starting at 0). The loss and its gradients are computed in plain Java
 * ({@link LogisticPairLoss}), not by ND4J ops.
 */
public final class LogisticPairHead extends FeedForwardLayer {

    /** Key of the logistic regression's weights, shape {@code [1, dimension]}. */
    public static final String WEIGHT_KEY = "W";
    /** Key of the logistic regression's bias, shape {@code [1, 1]}. */
    public static final String BIAS_KEY = "b";

    /** A head whose embedding dimension is taken from the input type of the network configuration. */
    public LogisticPairHead() {
    }

    /**
     * @param dimension the embedding dimension, positive
     * @throws IllegalArgumentException if the dimension is not positive
     */
    public LogisticPairHead(int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("embedding dimension must be positive but is " + dimension);
        }
        setDimension(dimension);
    }

    /** @return the embedding dimension, known once the input type is set */
    public long getDimension() {
        return getNIn();
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
                                                       Collection<TrainingListener> trainingListeners,
                                                       int layerIndex, INDArray layerParamsView,
                                                       boolean initializeParams, DataType networkDataType) {
        LogisticPairLayer layer = new LogisticPairLayer(conf, networkDataType);
        layer.setListeners(trainingListeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> params = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(params);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public ParamInitializer initializer() {
        return LogisticPairParameters.INSTANCE;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.feedForward(dimensionOf(inputType));
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        long dimension = dimensionOf(inputType);
        if (getNIn() <= 0 || override) {
            setDimension(dimension);
        }
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        dimensionOf(inputType);
        return null;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        long parameters = initializer().numParams(this);
        return new LayerMemoryReport.Builder(getLayerName(), LogisticPairHead.class, inputType,
                getOutputType(-1, inputType))
                .standardMemory(parameters, getIUpdater() == null ? 0 : getIUpdater().stateSize(parameters))
                .workingMemory(0, 0, 0, inputType.arrayElementsPerExample())
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .build();
    }

    private void setDimension(long dimension) {
        setNIn(dimension);
        setNOut(dimension);
    }

    private static long dimensionOf(InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeFeedForward feedForward)) {
            throw new IllegalArgumentException("the logistic pair head needs embeddings [batch, dimension] but got "
                    + inputType + "; place it after a dense layer");
        }
        return feedForward.getSize();
    }
}
