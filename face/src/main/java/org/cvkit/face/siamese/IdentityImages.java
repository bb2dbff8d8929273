package org.cvkit.face.siamese;

import java.util.List;

import org.cvkit.core.data.LabeledImageSet;
import org.cvkit.core.image.ImageTensorFormat;
import org.cvkit.core.io.ModelMetadata;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Images grouped by identity, the training data of a Siamese encoder: image {@code i} shows identity
 * {@link #identity(int) identity(i)}, a number in {@code 0..identityNames().size()-1}. Every image comes as a network
 * input of one {@link #shape()} and {@link #format()}.
 */
public interface IdentityImages {

    /** @return the number of images */
    int size();

    /**
     * @param index an image, {@code 0..size()-1}
     * @return the number of the identity it shows
     */
    int identity(int index);

    /** @return the name of every identity, by identity number */
    List<String> identityNames();

    /** @return the shape of every image */
    ModelMetadata.InputShape shape();

    /** @return the channel order and normalization of the image tensors */
    ImageTensorFormat format();

    /**
     * @param index an image, {@code 0..size()-1}
     * @return the image as a network input {@code [1, C, H, W]}
     */
    INDArray image(int index);

    /**
     * @param indices images, each {@code 0..size()-1}
     * @return the images as a float batch {@code [indices.length, C, H, W]}
     */
    default INDArray images(int[] indices) {
        ModelMetadata.InputShape shape = shape();
        INDArray batch = Nd4j.create(DataType.FLOAT, indices.length, shape.channels(), shape.height(),
                shape.width());
        for (int i = 0; i < indices.length; i++) {
            try (INDArray image = image(indices[i])) {
                batch.slice(i).assign(image.slice(0));
            }
        }
        return batch;
    }

    /**
     * The images of some identities, for example to hold some people out of training. A view of this set.
     *
     * @param kept the identities to keep, at least one; identity {@code kept[k]} becomes identity {@code k}
     * @return their images, in this set's order
     * @throws IllegalArgumentException if no identity, an unknown identity or an identity twice is given
     */
    default IdentityImages ofIdentities(int... kept) {
        return new IdentitySubset(this, kept);
    }

    /**
     * Treats the classes of a labelled image set as identities, for example Fashion-MNIST's ten classes.
     *
     * @param images  the images, normalized as the encoder expects
     * @param classes the classes to keep, at least one; class {@code classes[k]} becomes identity {@code k}
     * @return the images of those classes, in the set's order
     * @throws IllegalArgumentException if no class, an unknown class or a class twice is given
     */
    static IdentityImages ofClasses(LabeledImageSet images, int... classes) {
        return new ClassIdentities(images).ofIdentities(classes);
    }
}
