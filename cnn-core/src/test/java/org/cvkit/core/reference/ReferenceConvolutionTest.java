package org.cvkit.core.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class ReferenceConvolutionTest {

    private static final double[][] X = {{0.1, 0.2, 0.3}, {0.4, 0.5, 0.6}, {0.7, 0.8, 0.9}};
    private static final double[][] F = {{1, 1}, {2, 0}};
    private static final double TOLERANCE = 1e-12;

    @Test
    void lectureBackPropagationExampleForward() {
        double[][] output = ReferenceConvolution.convolve(new double[][][] {X}, new double[][][][] {{F}}, null, 1, 0)[0];
        assertMatrix(output, new double[][] {{1.3, 1.7}, {2.5, 2.9}});
    }

    @Test
    void trueConvolutionIsCrossCorrelationWithRotatedFilter() {
        assertMatrix(ReferenceConvolution.rotate180(F), new double[][] {{0, 2}, {1, 1}});
        double[][] output = ReferenceConvolution.crossCorrelate(
                new double[][][] {X}, new double[][][][] {{{{0, 2}, {1, 1}}}}, null, 1, 0)[0];
        assertMatrix(output, new double[][] {{1.3, 1.7}, {2.5, 2.9}});
    }

    @Test
    void filterGradientIsInputCrossCorrelatedWithOutputGradient() {
        // E = sum(O) so dE/dO is all ones; dE/dF[i][j] = sum of the 2x2 windows of X at offset (i, j).
        double[][][] ones = {{{1, 1}, {1, 1}}};
        double[][] gradient = ReferenceConvolution.filterGradient(new double[][][] {X}, ones, 2, 1, 0)[0][0];
        assertMatrix(gradient, new double[][] {{1.2, 1.6}, {2.4, 2.8}});
    }

    @Test
    void inputGradientIsFullConvolutionOfOutputGradientWithFilter() {
        double[][] outputGradient = {{0.5, -1}, {2, 0.25}};
        double[][] viaScatter = ReferenceConvolution.inputGradient(
                new double[][][] {outputGradient}, new double[][][][] {{F}}, 1, 0, 3, 3)[0];
        assertMatrix(viaScatter, ReferenceConvolution.fullConvolve(outputGradient, F));
        // Worked by hand: dX[0][0] = g00*F00; dX[2][2] = g11*F11; dX[1][1] = g00*F11 + g01*F10 + g10*F01 + g11*F00.
        assertThat(viaScatter[0][0]).isCloseTo(0.5, within(TOLERANCE));
        assertThat(viaScatter[2][2]).isCloseTo(0.0, within(TOLERANCE));
        assertThat(viaScatter[1][1]).isCloseTo(0 + -1 * 2 + 2 * 1 + 0.25 * 1, within(TOLERANCE));
    }

    @Test
    void gradientsMatchFiniteDifferencesWithStrideAndPadding() {
        Random random = new Random(7);
        double[][][] input = randomVolume(random, 2, 5, 5);
        double[][][][] filters = {randomVolume(random, 2, 3, 3), randomVolume(random, 2, 3, 3), randomVolume(random, 2, 3, 3)};
        double[] bias = {0.1, -0.2, 0.3};
        int stride = 2;
        int padding = 1;
        double[][][] weights = randomVolume(random, 3, 3, 3);
        // Loss E = sum(weights .* O), so dE/dO = weights.
        ToDoubleFunction<double[][][]> lossOfInput = x -> dot(weights,
                ReferenceConvolution.crossCorrelate(x, filters, bias, stride, padding));
        double[][][] analytic = ReferenceConvolution.inputGradient(weights, filters, stride, padding, 5, 5);
        for (int c = 0; c < 2; c++) {
            for (int y = 0; y < 5; y++) {
                for (int x = 0; x < 5; x++) {
                    double numeric = centralDifference(input[c][y], x, () -> lossOfInput.applyAsDouble(input));
                    assertThat(analytic[c][y][x]).isCloseTo(numeric, within(1e-6));
                }
            }
        }
        double[][][][] filterGradient = ReferenceConvolution.filterGradient(input, weights, 3, stride, padding);
        for (int k = 0; k < 3; k++) {
            for (int c = 0; c < 2; c++) {
                for (int y = 0; y < 3; y++) {
                    for (int x = 0; x < 3; x++) {
                        double numeric = centralDifference(filters[k][c][y], x,
                                () -> lossOfInput.applyAsDouble(input));
                        assertThat(filterGradient[k][c][y][x]).isCloseTo(numeric, within(1e-6));
                    }
                }
            }
        }
        double[] biasGradient = ReferenceConvolution.biasGradient(weights);
        for (int k = 0; k < 3; k++) {
            double numeric = centralDifference(bias, k, () -> lossOfInput.applyAsDouble(input));
            assertThat(biasGradient[k]).isCloseTo(numeric, within(1e-6));
        }
    }

    @Test
    void rejectsFiltersWithTheWrongDepth() {
        Assertions.assertThatThrownBy(() -> ReferenceConvolution.crossCorrelate(
                        new double[][][] {X, X}, new double[][][][] {{F}}, null, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("as many channels as the input (2) but have 1");
    }

    static double[][][] randomVolume(Random random, int channels, int height, int width) {
        double[][][] volume = new double[channels][height][width];
        for (double[][] map : volume) {
            for (double[] row : map) {
                for (int x = 0; x < width; x++) {
                    row[x] = random.nextGaussian();
                }
            }
        }
        return volume;
    }

    static void assertMatrix(double[][] actual, double[][] expected) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int y = 0; y < expected.length; y++) {
            assertThat(actual[y]).containsExactly(expected[y], within(TOLERANCE));
        }
    }

    private static double dot(double[][][] a, double[][][] b) {
        double sum = 0;
        for (int c = 0; c < a.length; c++) {
            for (int y = 0; y < a[c].length; y++) {
                for (int x = 0; x < a[c][y].length; x++) {
                    sum += a[c][y][x] * b[c][y][x];
                }
            }
        }
        return sum;
    }

    private static double centralDifference(double[] values, int index, java.util.function.DoubleSupplier loss) {
        double h = 1e-6;
        double original = values[index];
        values[index] = original + h;
        double plus = loss.getAsDouble();
        values[index] = original - h;
        double minus = loss.getAsDouble();
        values[index] = original;
        return (plus - minus) / (2 * h);
    }
}
