package org.cvkit.zoo.format;

import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An immutable named array of float values with a shape, stored in row-major (C) order.
 *
 * <p>This is what every reader in this package returns. Copies go in and out, so a tensor never changes.
 */
public final class WeightTensor {

    private final String name;
    private final long[] shape;
    private final float[] values;

    private WeightTensor(String name, long[] shape, float[] values) {
        this.name = name;
        this.shape = shape;
        this.values = values;
    }

    /**
     * @param name   the tensor's name in its file, for example {@code conv0/filters}
     * @param shape  dimensions, each non-negative; an empty shape is a scalar
     * @param values row-major values, exactly as many as the shape holds (copied)
     * @return the tensor
     * @throws IllegalArgumentException if the number of values does not match the shape
     */
    public static WeightTensor of(String name, long[] shape, float[] values) {
        Objects.requireNonNull(name, "name");
        long size = 1;
        for (long dimension : shape) {
            if (dimension < 0) {
                throw new IllegalArgumentException("tensor " + name + " has a negative dimension in shape "
                        + Arrays.toString(shape));
            }
            size = Math.multiplyExact(size, dimension);
        }
        if (size != values.length) {
            throw new IllegalArgumentException("tensor " + name + " of shape " + Arrays.toString(shape) + " needs "
                    + size + " values but got " + values.length);
        }
        return new WeightTensor(name, shape.clone(), values.clone());
    }

    /** @return the tensor's name */
    public String name() {
        return name;
    }

    /** @return a copy of the dimensions */
    public long[] shape() {
        return shape.clone();
    }

    /** @return the number of values */
    public int size() {
        return values.length;
    }

    /**
     * @param index position in row-major order, {@code 0 <= index < size()}
     * @return the value there
     */
    public float get(int index) {
        return values[index];
    }

    /** @return a copy of the values in row-major order */
    public float[] toFloatArray() {
        return values.clone();
    }

    /** @return a new float32 ND4J array with this shape and these values (C order); the caller owns it */
    public INDArray toNdArray() {
        return shape.length == 0 ? Nd4j.scalar(DataType.FLOAT, values[0]) : Nd4j.create(values, shape, 'c');
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WeightTensor that && name.equals(that.name) && Arrays.equals(shape, that.shape)
                && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(shape), Arrays.hashCode(values));
    }

    /** @return the name and shape, for example {@code conv0/filters[3, 3, 3, 16]} */
    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
