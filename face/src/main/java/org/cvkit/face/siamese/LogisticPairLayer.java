package org.cvkit.face.siamese;

import java.util.Arrays;
import java.util.List;

import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The runtime layer of a {@link LogisticPairHead}: passes the embeddings through, and in training computes the pair
 * loss and its gradients in plain Java ({@link LogisticPairLoss}); a batch of 64 embeddings of 128 values is a few
 * hundred thousand multiply-adds. It is an output layer only for training and scoring: it does not classify.
 */
final class LogisticPairLayer extends BaseLayer<LogisticPairHead> implements IOutputLayer {

    private INDArray labels;

    LogisticPairLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        return workspaceMgr.dup(ArrayType.ACTIVATIONS, input);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        LogisticPairLoss loss = loss();
        gradientViews.get(LogisticPairHead.WEIGHT_KEY).assign(Nd4j.createFromArray(new double[][] {loss.weights()}));
        gradientViews.get(LogisticPairHead.BIAS_KEY).assign(loss.bias());
        Gradient gradients = new DefaultGradient();
        gradients.gradientForVariable().put(LogisticPairHead.WEIGHT_KEY,
                gradientViews.get(LogisticPairHead.WEIGHT_KEY));
        gradients.gradientForVariable().put(LogisticPairHead.BIAS_KEY, gradientViews.get(LogisticPairHead.BIAS_KEY));
        INDArray inputGradient = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(),
                input.shape());
        inputGradient.assign(Nd4j.createFromArray(loss.embeddings()));
        return new Pair<>(gradients, inputGradient);
    }

    @Override
    public void computeGradientAndScore(LayerWorkspaceMgr workspaceMgr) {
        this.gradient = backpropGradient(null, workspaceMgr).getFirst();
        this.score = computeScore(0, true, workspaceMgr);
    }

    @Override
    public double computeScore(double fullNetworkRegScore, boolean training, LayerWorkspaceMgr workspaceMgr) {
        this.score = loss().score() + fullNetworkRegScore;
        return score;
    }

    @Override
    public INDArray computeScoreForExamples(double fullNetworkRegScore, LayerWorkspaceMgr workspaceMgr) {
        double[] losses = loss().imageLosses();
        INDArray scores = Nd4j.createFromArray(losses).reshape(losses.length, 1).castTo(input.dataType())
                .addi(fullNetworkRegScore);
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, scores);
    }

    @Override
    public boolean needsLabels() {
        return true;
    }

    @Override
    public void setLabels(INDArray labels) {
        this.labels = labels;
    }

    @Override
    public INDArray getLabels() {
        return labels;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public Type type() {
        return Type.FEED_FORWARD;
    }

    @Override
    public double f1Score(DataSet data) {
        throw notAClassifier();
    }

    @Override
    public double f1Score(INDArray examples, INDArray labels) {
        throw notAClassifier();
    }

    @Override
    public int numLabels() {
        throw notAClassifier();
    }

    @Override
    public void fit(DataSetIterator iter) {
        throw notAClassifier();
    }

    @Override
    public int[] predict(INDArray examples) {
        throw notAClassifier();
    }

    @Override
    public List<String> predict(DataSet dataSet) {
        throw notAClassifier();
    }

    @Override
    public void fit(INDArray examples, INDArray labels) {
        throw notAClassifier();
    }

    @Override
    public void fit(DataSet data) {
        throw notAClassifier();
    }

    @Override
    public void fit(INDArray examples, int[] labels) {
        throw notAClassifier();
    }

    private LogisticPairLoss loss() {
        if (labels == null) {
            throw new IllegalStateException("the logistic pair head needs the identity of each image as labels");
        }
        if (input.rank() != 2) {
            throw new IllegalArgumentException("the logistic pair head needs embeddings [batch, dimension] but got "
                    + "shape " + Arrays.toString(input.shape()));
        }
        double[][] embeddings = input.toDoubleMatrix();
        return LogisticPairLoss.of(embeddings, TripletLoss.identities(labels, embeddings.length),
                getParam(LogisticPairHead.WEIGHT_KEY).toDoubleVector(),
                getParam(LogisticPairHead.BIAS_KEY).getDouble(0));
    }

    private static UnsupportedOperationException notAClassifier() {
        return new UnsupportedOperationException("the logistic pair head trains an embedding; it does not classify"
                + " images: compare embeddings with a threshold instead");
    }
}
