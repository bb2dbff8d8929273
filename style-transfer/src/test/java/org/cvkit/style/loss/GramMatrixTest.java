package org.cvkit.style.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class GramMatrixTest {

    /* G[k][k'] = sum_i sum_j a[i][j][k] a[i][j][k'], summed explicitly in double. */
    @Test
    void equalsTheExplicitDoubleSum() {
        int channels = 5;
        int height = 4;
        int width = 3;
        INDArray features = Nd4j.rand(DataType.DOUBLE, 1, channels, height, width).subi(0.3);

        INDArray gram = GramMatrix.of(features);

        assertThat(gram.shape()).containsExactly(channels, channels);
        for (int k = 0; k < channels; k++) {
            for (int l = 0; l < channels; l++) {
                double sum = 0;
                for (int i = 0; i < height; i++) {
                    for (int j = 0; j < width; j++) {
                        sum += features.getDouble(0, k, i, j) * features.getDouble(0, l, i, j);
                    }
                }
                assertThat(gram.getDouble(k, l)).isCloseTo(sum, within(1e-12));
            }
        }
    }

    /* Two channels over two positions: rows (1, 2) and (3, 4); G = [[5, 11], [11, 25]], C M = 4. */
    @Test
    void normalizedDividesByChannelsTimesPositions() {
        INDArray features = Nd4j.create(new double[] {1, 2, 3, 4}, new long[] {1, 2, 1, 2}, 'c');

        assertThat(GramMatrix.of(features).toDoubleMatrix()).isEqualTo(new double[][] {{5, 11}, {11, 25}});
        assertThat(GramMatrix.normalized(features).toDoubleMatrix())
                .isEqualTo(new double[][] {{1.25, 2.75}, {2.75, 6.25}});
    }

    @Test
    void acceptsAViewAndLeavesItUnchanged() {
        INDArray batch = Nd4j.rand(DataType.DOUBLE, 2, 3, 4, 4);
        INDArray second = batch.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 2));
        INDArray before = second.dup();

        INDArray gram = GramMatrix.of(second);

        assertThat(second).isEqualTo(before);
        assertThat(gram.getDouble(1, 2)).isCloseTo(second.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.point(1)).mul(second.get(
                org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(2)))
                .sumNumber().doubleValue(), within(1e-12));
    }

    @Test
    void rejectsABatchOrAFlatArray() {
        assertThatThrownBy(() -> GramMatrix.of(Nd4j.zeros(2, 3, 4, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[2, 3, 4, 4]");
        assertThatThrownBy(() -> GramMatrix.of(Nd4j.zeros(3, 16)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[1, C, H, W]");
    }
}
