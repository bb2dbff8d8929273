package org.cvkit.face.siamese;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * The course's triplet loss as a DL4J loss function: {@code L(a,p,n) = max(d(a,p) - d(a,n) + alpha, 0)} with
 * {@code d(x,y) = ||f(x) - f(y)||^2}, over triplets mined inside the mini-batch ({@link TripletMining}).
 *
 * <p>The "labels" of a batch are the identity of each image, a {@code [batch, 1]} column of whole numbers; the
 * network's output (after the layer's activation) are the embeddings {@code [batch, dimension]}, usually
 * L2-normalized by an {@link L2Normalization} layer before this one (use it in a {@code LossLayer} with the identity
 * activation). Each image is an anchor; its loss is the weighted sum of its triplets' losses, zero if it has none.
 * The score of a batch is the mean over its anchors.
 *
 * <p>Gradients, for a triplet of weight {@code w} whose loss is positive: {@code dL/df(a) = 2w (f(n) - f(p))},
 * {@code dL/df(p) = -2w (f(a) - f(p))}, {@code dL/df(n) = 2w (f(a) - f(n))}; the mining is held fixed (it is
 * piecewise constant in the embeddings). Immutable.
 */
public final class TripletLoss implements ILossFunction {

    private static final long serialVersionUID = 1L;

    @JsonProperty("margin")
    private final double margin;
    @JsonProperty("mining")
    private final TripletMining mining;

    /**
     * @param margin the margin alpha, positive (0.2 in FaceNet for L2-normalized embeddings)
     * @param mining how triplets are chosen in a batch
     * @throws IllegalArgumentException if the margin is not positive and finite
     */
    @JsonCreator
    public TripletLoss(@JsonProperty("margin") double margin, @JsonProperty("mining") TripletMining mining) {
        this.margin = requireMargin(margin);
        this.mining = Objects.requireNonNull(mining, "mining");
    }

    /**
     * @param margin a triplet margin
     * @return the margin
     * @throws IllegalArgumentException if it is not positive and finite
     */
    static double requireMargin(double margin) {
        if (!(margin > 0 && Double.isFinite(margin))) {
            throw new IllegalArgumentException("triplet margin alpha must be positive and finite but is " + margin
                    + "; without a margin all-equal embeddings solve the loss (0.2 suits L2-normalized ones)");
        }
        return margin;
    }

    /** @return the margin alpha */
    public double margin() {
        return margin;
    }

    /** @return how triplets are chosen */
    public TripletMining mining() {
        return mining;
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
                               boolean average) {
        double sum = 0;
        for (double loss : evaluate(labels, preOutput, activationFn, mask).anchorLosses) {
            sum += loss;
        }
        return average ? sum / preOutput.size(0) : sum;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        double[] losses = evaluate(labels, preOutput, activationFn, mask).anchorLosses;
        return Nd4j.create(losses, new long[] {losses.length, 1}, preOutput.dataType());
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        Evaluation evaluation = evaluate(labels, preOutput, activationFn, mask);
        INDArray dLdOutput = Nd4j.create(evaluation.gradient).castTo(preOutput.dataType());
        return activationFn.backprop(preOutput.dup(), dLdOutput).getFirst();
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput,
                                                          IActivation activationFn, INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TripletLoss that && margin == that.margin && mining == that.mining;
    }

    @Override
    public int hashCode() {
        return Objects.hash(margin, mining);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "TripletLoss(margin=%s, mining=%s)", margin, mining);
    }

    /** The per-anchor losses and the gradient with respect to the embeddings of one batch. */
    private record Evaluation(double[] anchorLosses, double[][] gradient) {
    }

    private Evaluation evaluate(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        if (mask != null) {
            throw new IllegalArgumentException("the triplet loss takes no mask: every image of the batch is an"
                    + " anchor; leave masked examples out of the batch instead");
        }
        if (preOutput.rank() != 2) {
            throw new IllegalArgumentException("the triplet loss needs embeddings [batch, dimension] but got shape "
                    + Arrays.toString(preOutput.shape()) + "; place it after a dense layer");
        }
        double[][] embeddings = activationFn.getActivation(preOutput.dup(), true).toDoubleMatrix();
        int[] identities = identities(labels, embeddings.length);
        double[][] distances = squaredDistances(embeddings);
        List<Triplet> triplets = mining.select(distances, identities);
        double[] anchorLosses = new double[embeddings.length];
        double[][] gradient = new double[embeddings.length][embeddings[0].length];
        for (Triplet t : triplets) {
            double violation = distances[t.anchor()][t.positive()] - distances[t.anchor()][t.negative()] + margin;
            if (violation <= 0) {
                continue;
            }
            anchorLosses[t.anchor()] += t.weight() * violation;
            double[] a = embeddings[t.anchor()];
            double[] p = embeddings[t.positive()];
            double[] n = embeddings[t.negative()];
            double scale = 2 * t.weight();
            for (int k = 0; k < a.length; k++) {
                gradient[t.anchor()][k] += scale * (n[k] - p[k]);
                gradient[t.positive()][k] -= scale * (a[k] - p[k]);
                gradient[t.negative()][k] += scale * (a[k] - n[k]);
            }
        }
        return new Evaluation(anchorLosses, gradient);
    }

    /** @return the squared euclidean distance between every two rows */
    static double[][] squaredDistances(double[][] embeddings) {
        int n = embeddings.length;
        double[][] distances = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < embeddings[i].length; k++) {
                    double difference = embeddings[i][k] - embeddings[j][k];
                    sum += difference * difference;
                }
                distances[i][j] = sum;
                distances[j][i] = sum;
            }
        }
        return distances;
    }

    /**
     * Reads the identity labels of a batch.
     *
     * @throws IllegalArgumentException if there is not one whole number per image
     */
    static int[] identities(INDArray labels, int batchSize) {
        Objects.requireNonNull(labels, "labels: the identity of each image is needed");
        if (labels.length() != batchSize) {
            throw new IllegalArgumentException("need one identity label per image: " + batchSize + " images but"
                    + " labels of shape " + Arrays.toString(labels.shape()) + "; give a [batch, 1] column of"
                    + " identity numbers");
        }
        double[] values = labels.reshape(batchSize).toDoubleVector();
        int[] identities = new int[batchSize];
        for (int i = 0; i < batchSize; i++) {
            if (values[i] != Math.rint(values[i]) || Math.abs(values[i]) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("identity labels must be whole numbers but image " + i + " has "
                        + values[i] + "; use the identity's number, not a one-hot vector or a probability");
            }
            identities[i] = (int) values[i];
        }
        return identities;
    }
}
