package org.cvkit.zoo.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class WeightTensorTest {

    @Test
    void keepsValuesInRowMajorOrderAndCopiesThemInAndOut() {
        float[] values = {1, 2, 3, 4, 5, 6};
        long[] shape = {2, 3};
        WeightTensor tensor = WeightTensor.of("w", shape, values);
        values[0] = 99;
        shape[0] = 99;
        tensor.toFloatArray()[1] = 99;
        tensor.shape()[1] = 99;

        assertThat(tensor.name()).isEqualTo("w");
        assertThat(tensor.shape()).containsExactly(2, 3);
        assertThat(tensor.size()).isEqualTo(6);
        assertThat(tensor.toFloatArray()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(tensor.get(5)).isEqualTo(6f);
        assertThat(tensor).hasToString("w[2, 3]");
    }

    @Test
    void convertsToNd4jArraysInCOrder() {
        try (INDArray matrix = WeightTensor.of("w", new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6}).toNdArray();
                INDArray scalar = WeightTensor.of("s", new long[0], new float[] {7}).toNdArray()) {
            assertThat(matrix.dataType()).isEqualTo(DataType.FLOAT);
            assertThat(matrix.shape()).containsExactly(2, 3);
            assertThat(matrix.getFloat(1, 0)).isEqualTo(4f);
            assertThat(scalar.rank()).isZero();
            assertThat(scalar.getFloat(0)).isEqualTo(7f);
        }
    }

    @Test
    void equalityCoversNameShapeAndValues() {
        WeightTensor tensor = WeightTensor.of("w", new long[] {2}, new float[] {1, 2});

        assertThat(tensor).isEqualTo(WeightTensor.of("w", new long[] {2}, new float[] {1, 2}))
                .hasSameHashCodeAs(WeightTensor.of("w", new long[] {2}, new float[] {1, 2}))
                .isNotEqualTo(WeightTensor.of("v", new long[] {2}, new float[] {1, 2}))
                .isNotEqualTo(WeightTensor.of("w", new long[] {1, 2}, new float[] {1, 2}))
                .isNotEqualTo(WeightTensor.of("w", new long[] {2}, new float[] {1, 3}));
    }

    @Test
    void rejectsValuesThatDoNotFillTheShape() {
        assertThatThrownBy(() -> WeightTensor.of("w", new long[] {2, 3}, new float[5]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tensor w of shape [2, 3] needs 6 values but got 5");
        assertThatThrownBy(() -> WeightTensor.of("w", new long[] {-1}, new float[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tensor w has a negative dimension in shape [-1]");
    }
}
