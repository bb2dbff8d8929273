package org.cvkit.core.reference;

import static org.cvkit.core.reference.ReferenceConvolutionTest.assertMatrix;

import org.junit.jupiter.api.Test;

class ReferencePoolingTest {

    private static final double[][] LECTURE_INPUT = {{1, 1, 2, 4}, {5, 6, 7, 8}, {3, 2, 1, 0}, {1, 2, 3, 4}};

    @Test
    void lectureMaxPoolingExample() {
        assertMatrix(ReferencePooling.max(new double[][][] {LECTURE_INPUT}, 2, 2)[0], new double[][] {{6, 8}, {3, 4}});
    }

    @Test
    void averagePooling() {
        assertMatrix(ReferencePooling.average(new double[][][] {LECTURE_INPUT}, 2, 2)[0],
                new double[][] {{13 / 4.0, 21 / 4.0}, {8 / 4.0, 8 / 4.0}});
    }

    @Test
    void maxPoolingRoutesTheGradientToTheArgMax() {
        double[][] gradient = ReferencePooling.maxBackward(
                new double[][][] {LECTURE_INPUT}, new double[][][] {{{1, 2}, {3, 4}}}, 2, 2)[0];
        assertMatrix(gradient, new double[][] {{0, 0, 0, 0}, {0, 1, 0, 2}, {3, 0, 0, 0}, {0, 0, 0, 4}});
    }

    @Test
    void averagePoolingSpreadsTheGradientEvenly() {
        double[][] gradient = ReferencePooling.averageBackward(new double[][][] {{{4, 8}, {0, -4}}}, 2, 2, 4, 4)[0];
        assertMatrix(gradient, new double[][] {{1, 1, 2, 2}, {1, 1, 2, 2}, {0, 0, -1, -1}, {0, 0, -1, -1}});
    }

    @Test
    void overlappingWindowsAccumulate() {
        double[][] input = {{0, 9, 0}, {0, 0, 0}, {0, 0, 0}};
        double[][] gradient = ReferencePooling.maxBackward(
                new double[][][] {input}, new double[][][] {{{1, 1}, {1, 1}}}, 2, 1)[0];
        assertMatrix(gradient, new double[][] {{0, 2, 0}, {1, 1, 0}, {0, 0, 0}});
    }
}
