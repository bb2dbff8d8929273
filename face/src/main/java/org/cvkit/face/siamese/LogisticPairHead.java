package org.cvkit.face.siamese;

import java.util.Map;
import java.util.Objects;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffOutputLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonProperty;

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
 * and {@value #BIAS_KEY} ({@code [1, 1]}, starting at 0).
 */
public final class LogisticPairHead extends SameDiffOutputLayer {

    /** Key of the logistic regression's weights, shape {@code [1, dimension]}. */
    public static final String WEIGHT_KEY = "W";
    /** Key of the logistic regression's bias, shape {@code [1, 1]}. */
    public static final String BIAS_KEY = "b";

    /** The name DL4J's runtime layer gives the layer's input, whose value is also the layer's output. */
    private static final String INPUT = org.deeplearning4j.nn.layers.samediff.SameDiffOutputLayer.INPUT_KEY;

    @JsonProperty
    private long dimension;

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
        this.dimension = dimension;
    }

    /** @return the embedding dimension, known once the input type is set */
    public long getDimension() {
        return dimension;
    }

    @Override
    public SDVariable defineLayer(SameDiff sameDiff, SDVariable input, SDVariable labels,
                                  Map<String, SDVariable> params) {
        SDVariable differences = sameDiff.math.abs(sameDiff.expandDims(input, 1).sub(sameDiff.expandDims(input, 0)));
        SDVariable logits = differences.mul(params.get(WEIGHT_KEY).reshape(1, 1, dimension)).sum(2)
                .add(params.get(BIAS_KEY));
        SDVariable same = sameDiff.math.clipByValue(sameDiff.math.abs(labels.sub(sameDiff.transpose(labels))), 0, 1)
                .rsub(1);
        SDVariable offDiagonal = sameDiff.math.setDiag(sameDiff.onesLike(same),
                sameDiff.zerosLike(labels).reshape(-1));
        SDVariable crossEntropy = sameDiff.nn.relu(logits, 0).sub(same.mul(logits))
                .add(sameDiff.math.log1p(sameDiff.math.exp(sameDiff.math.abs(logits).neg())));
        SDVariable sameLoss = pairMean(sameDiff, crossEntropy, same.mul(offDiagonal));
        SDVariable differentLoss = pairMean(sameDiff, crossEntropy, same.rsub(1));
        return sameLoss.add(differentLoss).mul(0.5).sum();
    }

    /** @return per image, the mean of {@code values} over the pairs that {@code weights} selects (0 if none) */
    private static SDVariable pairMean(SameDiff sameDiff, SDVariable values, SDVariable weights) {
        SDVariable counts = sameDiff.math.max(weights.sum(1), sameDiff.onesLike(weights.sum(1)));
        return values.mul(weights).sum(1).div(counts);
    }

    @Override
    public String activationsVertexName() {
        return INPUT;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.feedForward(dimensionOf(inputType));
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (dimension <= 0 || override) {
            dimension = dimensionOf(inputType);
        }
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        params.addWeightParam(WEIGHT_KEY, 1, dimension);
        params.addBiasParam(BIAS_KEY, 1, 1);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        params.get(WEIGHT_KEY).assign(-1 / Math.sqrt(dimension));
        params.get(BIAS_KEY).assign(0);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof LogisticPairHead that && super.equals(that)
                && dimension == that.dimension;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), dimension);
    }

    private static long dimensionOf(InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeFeedForward feedForward)) {
            throw new IllegalArgumentException("the logistic pair head needs embeddings [batch, dimension] but got "
                    + inputType + "; place it after a dense layer");
        }
        return feedForward.getSize();
    }
}
