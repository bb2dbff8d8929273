package org.cvkit.core.reference;

import org.cvkit.core.arithmetic.ConvArithmetic;

/**
 * Convolution layers in plain Java: the forward pass as cross-correlation (what deep-learning libraries call
 * convolution) and as true convolution (filter rotated 180 degrees), and the gradients of a cross-correlation
 * layer with respect to its input, filters and biases.
 *
 * <p>For {@code O = X ⋆ F} (cross-correlation), {@code dE/dF = X ⋆ dE/dO} and
 * {@code dE/dX = FullConvolution(dE/dO, F)}, the course's formulas; strides and padding are handled by
 * scattering each output gradient back over the window it came from.
 */
public final class ReferenceConvolution {

    private ReferenceConvolution() {
    }

    /**
     * Cross-correlation of a volume with a bank of filters.
     *
     * @param input   {@code [C][H][W]}
     * @param filters {@code [K][C][F][F]}
     * @param bias    {@code [K]}, or {@code null} for no bias
     * @param stride  stride S
     * @param padding zero padding P on each side
     * @return {@code [K][H2][W2]}
     */
    public static double[][][] crossCorrelate(double[][][] input, double[][][][] filters, double[] bias,
                                              int stride, int padding) {
        Geometry g = Geometry.of(input, filters, stride, padding);
        double[][][] output = new double[g.filters][g.outHeight][g.outWidth];
        for (int k = 0; k < g.filters; k++) {
            for (int oy = 0; oy < g.outHeight; oy++) {
                for (int ox = 0; ox < g.outWidth; ox++) {
                    double sum = bias == null ? 0 : bias[k];
                    for (int c = 0; c < g.channels; c++) {
                        for (int fy = 0; fy < g.window; fy++) {
                            for (int fx = 0; fx < g.window; fx++) {
                                sum += at(input[c], oy * stride + fy - padding, ox * stride + fx - padding)
                                        * filters[k][c][fy][fx];
                            }
                        }
                    }
                    output[k][oy][ox] = sum;
                }
            }
        }
        return output;
    }

    /**
     * True convolution: cross-correlation with every filter rotated by 180 degrees.
     *
     * @param input   {@code [C][H][W]}
     * @param filters {@code [K][C][F][F]}
     * @param bias    {@code [K]}, or {@code null}
     * @param stride  stride S
     * @param padding zero padding P on each side
     * @return {@code [K][H2][W2]}
     */
    public static double[][][] convolve(double[][][] input, double[][][][] filters, double[] bias,
                                        int stride, int padding) {
        double[][][][] rotated = new double[filters.length][][][];
        for (int k = 0; k < filters.length; k++) {
            rotated[k] = new double[filters[k].length][][];
            for (int c = 0; c < filters[k].length; c++) {
                rotated[k][c] = rotate180(filters[k][c]);
            }
        }
        return crossCorrelate(input, rotated, bias, stride, padding);
    }

    /**
     * Gradient of the loss with respect to the input of a cross-correlation layer.
     *
     * @param outputGradient {@code dE/dO}, {@code [K][H2][W2]}
     * @param filters        {@code [K][C][F][F]}
     * @param stride         stride S of the forward pass
     * @param padding        padding P of the forward pass
     * @param inputHeight    H of the forward input
     * @param inputWidth     W of the forward input
     * @return {@code dE/dX}, {@code [C][H][W]}
     */
    public static double[][][] inputGradient(double[][][] outputGradient, double[][][][] filters,
                                             int stride, int padding, int inputHeight, int inputWidth) {
        int channels = filters[0].length;
        int window = filters[0][0].length;
        double[][][] gradient = new double[channels][inputHeight][inputWidth];
        for (int k = 0; k < outputGradient.length; k++) {
            for (int oy = 0; oy < outputGradient[k].length; oy++) {
                for (int ox = 0; ox < outputGradient[k][oy].length; ox++) {
                    double g = outputGradient[k][oy][ox];
                    for (int c = 0; c < channels; c++) {
                        for (int fy = 0; fy < window; fy++) {
                            for (int fx = 0; fx < window; fx++) {
                                int y = oy * stride + fy - padding;
                                int x = ox * stride + fx - padding;
                                if (y >= 0 && y < inputHeight && x >= 0 && x < inputWidth) {
                                    gradient[c][y][x] += g * filters[k][c][fy][fx];
                                }
                            }
                        }
                    }
                }
            }
        }
        return gradient;
    }

    /**
     * Gradient of the loss with respect to the filters of a cross-correlation layer.
     *
     * @param input          the forward input {@code [C][H][W]}
     * @param outputGradient {@code dE/dO}, {@code [K][H2][W2]}
     * @param window         filter size F
     * @param stride         stride S of the forward pass
     * @param padding        padding P of the forward pass
     * @return {@code dE/dF}, {@code [K][C][F][F]}
     */
    public static double[][][][] filterGradient(double[][][] input, double[][][] outputGradient,
                                                int window, int stride, int padding) {
        int channels = input.length;
        double[][][][] gradient = new double[outputGradient.length][channels][window][window];
        for (int k = 0; k < outputGradient.length; k++) {
            for (int oy = 0; oy < outputGradient[k].length; oy++) {
                for (int ox = 0; ox < outputGradient[k][oy].length; ox++) {
                    double g = outputGradient[k][oy][ox];
                    for (int c = 0; c < channels; c++) {
                        for (int fy = 0; fy < window; fy++) {
                            for (int fx = 0; fx < window; fx++) {
                                gradient[k][c][fy][fx] +=
                                        g * at(input[c], oy * stride + fy - padding, ox * stride + fx - padding);
                            }
                        }
                    }
                }
            }
        }
        return gradient;
    }

    /**
     * Gradient of the loss with respect to the biases: each output map's gradient summed.
     *
     * @param outputGradient {@code dE/dO}, {@code [K][H2][W2]}
     * @return {@code dE/db}, {@code [K]}
     */
    public static double[] biasGradient(double[][][] outputGradient) {
        double[] gradient = new double[outputGradient.length];
        for (int k = 0; k < outputGradient.length; k++) {
            for (double[] row : outputGradient[k]) {
                for (double value : row) {
                    gradient[k] += value;
                }
            }
        }
        return gradient;
    }

    /**
     * Full convolution of a single-channel map: the map zero-padded by {@code F-1} on every side, convolved
     * (true convolution) with the filter; the output is {@code (H+F-1) x (W+F-1)}.
     *
     * @param map    {@code [H][W]}
     * @param filter {@code [F][F]}
     * @return the full convolution
     */
    public static double[][] fullConvolve(double[][] map, double[][] filter) {
        return convolve(new double[][][] {map}, new double[][][][] {{filter}}, null, 1, filter.length - 1)[0];
    }

    /**
     * @param filter {@code [F][F]}
     * @return the filter rotated by 180 degrees (flipped vertically and horizontally)
     */
    public static double[][] rotate180(double[][] filter) {
        int rows = filter.length;
        int cols = filter[0].length;
        double[][] rotated = new double[rows][cols];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                rotated[y][x] = filter[rows - 1 - y][cols - 1 - x];
            }
        }
        return rotated;
    }

    private static double at(double[][] map, int y, int x) {
        return y < 0 || x < 0 || y >= map.length || x >= map[0].length ? 0 : map[y][x];
    }

    private record Geometry(int filters, int channels, int window, int outHeight, int outWidth) {

        static Geometry of(double[][][] input, double[][][][] filters, int stride, int padding) {
            if (filters.length == 0 || filters[0].length != input.length) {
                throw new IllegalArgumentException("filters must have as many channels as the input ("
                        + input.length + ") but have " + (filters.length == 0 ? 0 : filters[0].length));
            }
            int window = filters[0][0].length;
            return new Geometry(filters.length, input.length, window,
                    ConvArithmetic.outputSize("height", input[0].length, window, stride, padding),
                    ConvArithmetic.outputSize("width", input[0][0].length, window, stride, padding));
        }
    }
}
