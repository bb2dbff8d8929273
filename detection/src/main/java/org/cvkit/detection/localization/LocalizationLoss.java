package org.cvkit.detection.localization;

import java.util.Arrays;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.LossUtil;

/**
 * The course's loss for classification with localization, per example with label y and prediction ŷ:
 * {@code Σ_j (ŷ_j - y_j)²} over the whole vector when {@code y1 = pc = 1}, and only {@code (ŷ1 - y1)²} when
 * {@code pc = 0} (the rest of y is "don't care"). Labels are laid out as {@link LocalizationTarget} describes,
 * {@code [N, 5 + k]}, and pc must be exactly 0 or 1. Per-example ({@code [N, 1]}) and per-output masks are
 * honoured as DL4J's own losses do.
 */
public final class LocalizationLoss implements ILossFunction {

    private static final long serialVersionUID = 1L;

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
                               boolean average) {
        INDArray scores = computeScoreArray(labels, preOutput, activationFn, mask);
        double sum = scores.sumNumber().doubleValue();
        return average ? sum / scores.size(0) : sum;
    }

    /**
     * @return the loss of each example, {@code [N, 1]}
     */
    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn,
                                      INDArray mask) {
        INDArray typedLabels = checkedLabels(labels, preOutput);
        INDArray error = activationFn.getActivation(preOutput.dup(), true).subi(typedLabels);
        INDArray squared = error.muli(error).muli(fieldWeights(typedLabels));
        if (mask != null) {
            LossUtil.applyMask(squared, mask);
        }
        return squared.sum(true, 1);
    }

    /**
     * @return the gradient with respect to the pre-activation output: {@code 2 (ŷ - y)} on the counted fields,
     *     passed back through the activation
     */
    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray typedLabels = checkedLabels(labels, preOutput);
        INDArray output = activationFn.getActivation(preOutput.dup(), true);
        INDArray lossByOutput = output.subi(typedLabels).muli(fieldWeights(typedLabels)).muli(2);
        if (mask != null && LossUtil.isPerOutputMasking(lossByOutput, mask)) {
            LossUtil.applyMask(lossByOutput, mask);
        }
        INDArray gradient = activationFn.backprop(preOutput.dup(), lossByOutput).getFirst();
        if (mask != null) {
            LossUtil.applyMask(gradient, mask);
        }
        return gradient;
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput,
                                                          IActivation activationFn, INDArray mask,
                                                          boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return "LocalizationLoss";
    }

    @Override
    public String toString() {
        return name() + "()";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LocalizationLoss;
    }

    @Override
    public int hashCode() {
        return LocalizationLoss.class.hashCode();
    }

    /** 1 where a field counts: everywhere on rows with pc = 1, in the pc column alone on rows with pc = 0. */
    private static INDArray fieldWeights(INDArray labels) {
        INDArray present = labels.getColumn(LocalizationTarget.PC, true);
        INDArray weights = Nd4j.ones(labels.dataType(), labels.shape()).muliColumnVector(present);
        weights.getColumn(LocalizationTarget.PC).assign(1);
        return weights;
    }

    private static INDArray checkedLabels(INDArray labels, INDArray preOutput) {
        if (labels.rank() != 2 || !labels.equalShapes(preOutput)) {
            throw new IllegalArgumentException("labels of shape " + Arrays.toString(labels.shape())
                    + " must be [N, 5 + k], the shape of the network output " + Arrays.toString(preOutput.shape()));
        }
        if (labels.size(1) <= LocalizationTarget.FIRST_CLASS) {
            throw new IllegalArgumentException("labels need 5 + k columns [pc, bx, by, bh, bw, c1..ck] with k >= 1"
                    + " but have " + labels.size(1));
        }
        for (double pc : labels.getColumn(LocalizationTarget.PC).toDoubleVector()) {
            if (pc != 0 && pc != 1) {
                throw new IllegalArgumentException("pc (label column 0) must be 0 or 1 but is " + pc
                        + "; build labels with LocalizationTarget.forObject or forBackground");
            }
        }
        return labels.castTo(preOutput.dataType());
    }
}
