package org.cvkit.face.siamese;

import java.util.List;
import org.cvkit.core.data.LabeledImageSet;
import org.cvkit.core.image.ChannelOrder;
import org.cvkit.core.image.ImageTensorFormat;
import org.cvkit.core.io.ModelMetadata;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The images of a {@link LabeledImageSet}, each class standing for one identity. */
final class ClassIdentities implements IdentityImages {

    private final LabeledImageSet images;

    ClassIdentities(LabeledImageSet images) {
        this.images = images;
    }

    @Override
    public int size() {
        return images.size();
    }

    @Override
    public int identity(int index) {
        return images.label(index);
    }

    @Override
    public List<String> identityNames() {
        return images.classNames();
    }

    @Override
    public ModelMetadata.InputShape shape() {
        return new ModelMetadata.InputShape(images.height(), images.width(), 1);
    }

    @Override
    public ImageTensorFormat format() {
        return new ImageTensorFormat(ChannelOrder.RGB, images.normalization());
    }

    @Override
    public INDArray image(int index) {
        return images.image(index);
    }
}
