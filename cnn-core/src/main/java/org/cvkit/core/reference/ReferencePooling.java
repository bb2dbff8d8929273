package org.cvkit.core.reference;

import org.cvkit.core.arithmetic.ConvArithmetic;

/**
 * Max and average pooling in plain Java, forward and backward. Max pooling routes the gradient to the
 * arg-max of each window (the first one on ties); average pooling spreads it evenly over the window.
 */
public final class ReferencePooling {

    private ReferencePooling() {
    }

    /**
     * @param input  {@code [C][H][W]}
     * @param window window size F
     * @param stride stride S
     * @return the maximum of each window, {@code [C][H2][W2]}
     */
    public static double[][][] max(double[][][] input, int window, int stride) {
        return pool(input, window, stride, true);
    }

    /**
     * @param input  {@code [C][H][W]}
     * @param window window size F
     * @param stride stride S
     * @return the mean of each window, {@code [C][H2][W2]}
     */
    public static double[][][] average(double[][][] input, int window, int stride) {
        return pool(input, window, stride, false);
    }

    /**
     * @param input          the forward input {@code [C][H][W]}
     * @param outputGradient {@code dE/dO}, {@code [C][H2][W2]}
     * @param window         window size F
     * @param stride         stride S
     * @return {@code dE/dX}: each output gradient added at its window's arg-max
     */
    public static double[][][] maxBackward(double[][][] input, double[][][] outputGradient, int window, int stride) {
        double[][][] gradient = new double[input.length][input[0].length][input[0][0].length];
        for (int c = 0; c < outputGradient.length; c++) {
            for (int oy = 0; oy < outputGradient[c].length; oy++) {
                for (int ox = 0; ox < outputGradient[c][oy].length; ox++) {
                    int bestY = oy * stride;
                    int bestX = ox * stride;
                    for (int fy = 0; fy < window; fy++) {
                        for (int fx = 0; fx < window; fx++) {
                            int y = oy * stride + fy;
                            int x = ox * stride + fx;
                            if (input[c][y][x] > input[c][bestY][bestX]) {
                                bestY = y;
                                bestX = x;
                            }
                        }
                    }
                    gradient[c][bestY][bestX] += outputGradient[c][oy][ox];
                }
            }
        }
        return gradient;
    }

    /**
     * @param outputGradient {@code dE/dO}, {@code [C][H2][W2]}
     * @param window         window size F
     * @param stride         stride S
     * @param inputHeight    H of the forward input
     * @param inputWidth     W of the forward input
     * @return {@code dE/dX}: each output gradient divided evenly over its window
     */
    public static double[][][] averageBackward(double[][][] outputGradient, int window, int stride,
                                               int inputHeight, int inputWidth) {
        double share = 1.0 / (window * window);
        double[][][] gradient = new double[outputGradient.length][inputHeight][inputWidth];
        for (int c = 0; c < outputGradient.length; c++) {
            for (int oy = 0; oy < outputGradient[c].length; oy++) {
                for (int ox = 0; ox < outputGradient[c][oy].length; ox++) {
                    for (int fy = 0; fy < window; fy++) {
                        for (int fx = 0; fx < window; fx++) {
                            gradient[c][oy * stride + fy][ox * stride + fx] += outputGradient[c][oy][ox] * share;
                        }
                    }
                }
            }
        }
        return gradient;
    }

    private static double[][][] pool(double[][][] input, int window, int stride, boolean takeMax) {
        int outHeight = ConvArithmetic.outputSize("height", input[0].length, window, stride, 0);
        int outWidth = ConvArithmetic.outputSize("width", input[0][0].length, window, stride, 0);
        double[][][] output = new double[input.length][outHeight][outWidth];
        for (int c = 0; c < input.length; c++) {
            for (int oy = 0; oy < outHeight; oy++) {
                for (int ox = 0; ox < outWidth; ox++) {
                    double result = takeMax ? Double.NEGATIVE_INFINITY : 0;
                    for (int fy = 0; fy < window; fy++) {
                        for (int fx = 0; fx < window; fx++) {
                            double value = input[c][oy * stride + fy][ox * stride + fx];
                            result = takeMax ? Math.max(result, value) : result + value;
                        }
                    }
                    output[c][oy][ox] = takeMax ? result : result / (window * window);
                }
            }
        }
        return output;
    }
}
