package org.cvkit.face.siamese;

import java.util.List;
import java.util.stream.IntStream;

import org.cvkit.core.image.ChannelOrder;
import org.cvkit.core.image.ImageTensorFormat;
import org.cvkit.core.image.Normalization;
import org.cvkit.core.io.ModelMetadata;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Test images whose every pixel holds the image's own index, so a batch shows which images it holds. */
record ConstantImages(int[] identities) implements IdentityImages {

    static final ModelMetadata.InputShape SHAPE = new ModelMetadata.InputShape(2, 2, 1);

    @Override
    public int size() {
        return identities.length;
    }

    @Override
    public int identity(int index) {
        return identities[index];
    }

    @Override
    public List<String> identityNames() {
        return IntStream.rangeClosed(0, IntStream.of(identities).max().orElse(-1)).mapToObj(i -> "person " + i)
                .toList();
    }

    @Override
    public ModelMetadata.InputShape shape() {
        return SHAPE;
    }

    @Override
    public ImageTensorFormat format() {
        return new ImageTensorFormat(ChannelOrder.RGB, Normalization.scaleOnly(1));
    }

    @Override
    public INDArray image(int index) {
        return Nd4j.valueArrayOf(new long[] {1, 1, 2, 2}, index, DataType.FLOAT);
    }

    /** @return the index of every image of a batch, read from its pixels */
    static int[] indicesOf(INDArray batch) {
        return IntStream.range(0, (int) batch.size(0)).map(i -> (int) batch.getDouble(i, 0, 0, 0)).toArray();
    }
}
