package org.cvkit.face.siamese;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.cvkit.core.data.LabeledImageSet;
import org.cvkit.core.image.ChannelOrder;
import org.cvkit.core.image.ImageTensorFormat;
import org.cvkit.core.io.ModelMetadata;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The images of some classes of a {@link LabeledImageSet}, each class standing for one identity. */
final class ClassIdentities implements IdentityImages {

    private final LabeledImageSet images;
    private final int[] selection;
    private final int[] identities;
    private final List<String> names;

    ClassIdentities(LabeledImageSet images, int[] classes) {
        this.images = images;
        if (classes.length == 0) {
            throw new IllegalArgumentException("give at least one class to use as an identity");
        }
        int[] identityOfClass = new int[images.classNames().size()];
        Arrays.fill(identityOfClass, -1);
        List<String> classNames = new ArrayList<>();
        for (int k = 0; k < classes.length; k++) {
            int c = classes[k];
            if (c < 0 || c >= identityOfClass.length) {
                throw new IllegalArgumentException("class " + c + " does not exist; the set has classes 0.."
                        + (identityOfClass.length - 1));
            }
            if (identityOfClass[c] >= 0) {
                throw new IllegalArgumentException("class " + c + " is given twice");
            }
            identityOfClass[c] = k;
            classNames.add(images.classNames().get(c));
        }
        this.names = List.copyOf(classNames);
        int[] kept = new int[images.size()];
        int count = 0;
        for (int i = 0; i < images.size(); i++) {
            if (identityOfClass[images.label(i)] >= 0) {
                kept[count++] = i;
            }
        }
        this.selection = Arrays.copyOf(kept, count);
        this.identities = Arrays.stream(selection).map(i -> identityOfClass[images.label(i)]).toArray();
    }

    @Override
    public int size() {
        return selection.length;
    }

    @Override
    public int identity(int index) {
        return identities[index];
    }

    @Override
    public List<String> identityNames() {
        return names;
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
        return images.image(selection[index]);
    }
}
