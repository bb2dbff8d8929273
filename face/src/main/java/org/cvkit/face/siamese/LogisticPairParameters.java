package org.cvkit.face.siamese;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The parameters of a {@link LogisticPairHead}: the weights {@code [1, dimension]} followed by the bias
 * {@code [1, 1]} in the layer's flat parameter view. New weights are {@code -1/sqrt(dimension)}, so that larger
 * differences start as "different", and the bias 0.
 */
final class LogisticPairParameters implements ParamInitializer {

    /** Stateless, so shared. */
    static final LogisticPairParameters INSTANCE = new LogisticPairParameters();

    private LogisticPairParameters() {
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        return dimension(layer) + 1;
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return List.of(LogisticPairHead.WEIGHT_KEY, LogisticPairHead.BIAS_KEY);
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return List.of(LogisticPairHead.WEIGHT_KEY);
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return List.of(LogisticPairHead.BIAS_KEY);
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return LogisticPairHead.WEIGHT_KEY.equals(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return LogisticPairHead.BIAS_KEY.equals(key);
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        Map<String, INDArray> params = views(conf, paramsView);
        if (initializeParams) {
            params.get(LogisticPairHead.WEIGHT_KEY).assign(-1 / Math.sqrt(dimension(conf.getLayer())));
            params.get(LogisticPairHead.BIAS_KEY).assign(0);
        }
        params.keySet().forEach(conf::addVariable);
        return params;
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        return views(conf, gradientView);
    }

    private static Map<String, INDArray> views(NeuralNetConfiguration conf, INDArray flat) {
        long dimension = dimension(conf.getLayer());
        INDArray row = flat.reshape(flat.length());
        Map<String, INDArray> views = new LinkedHashMap<>();
        views.put(LogisticPairHead.WEIGHT_KEY, row.get(NDArrayIndex.interval(0, dimension)).reshape(1, dimension));
        views.put(LogisticPairHead.BIAS_KEY, row.get(NDArrayIndex.interval(dimension, dimension + 1)).reshape(1, 1));
        return views;
    }

    private static long dimension(Layer layer) {
        return ((LogisticPairHead) layer).getDimension();
    }
}
