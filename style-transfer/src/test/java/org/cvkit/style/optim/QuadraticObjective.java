package org.cvkit.style.optim;

import org.cvkit.style.loss.LossValues;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code f(x) = sum_i c_i (x_i - t_i)^2}, minimal at t; counts its evaluations.
 */
final class QuadraticObjective implements Objective {

    private final INDArray curvature;
    private final INDArray target;
    private int evaluations;

    QuadraticObjective(double[] curvature, double[] target) {
        this.curvature = Nd4j.create(curvature, new long[] {1, 1, 1, curvature.length}, 'c');
        this.target = Nd4j.create(target, new long[] {1, 1, 1, target.length}, 'c');
    }

    @Override
    public Evaluation evaluate(INDArray image) {
        evaluations++;
        INDArray difference = image.sub(target);
        double value = difference.mul(difference).muli(curvature).sumNumber().doubleValue();
        return new Evaluation(new LossValues(0, value, 0, value), difference.muli(curvature).muli(2));
    }

    int evaluations() {
        return evaluations;
    }
}
