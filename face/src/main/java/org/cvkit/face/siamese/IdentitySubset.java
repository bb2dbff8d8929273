package org.cvkit.face.siamese;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.cvkit.core.image.ImageTensorFormat;
import org.cvkit.core.io.ModelMetadata;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The images of some identities of a larger set, in the set's order, with the kept identities renumbered
 * {@code 0..k-1} in the order given. A view: images are read from the larger set.
 */
final class IdentitySubset implements IdentityImages {

    private final IdentityImages images;
    private final int[] selection;
    private final int[] identities;
    private final List<String> names;

    /**
     * @param images the larger set
     * @param kept   identity numbers of that set, at least one, each at most once; {@code kept[k]} becomes
     *               identity {@code k}
     * @throws IllegalArgumentException if no identity, an unknown identity or an identity twice is given
     */
    IdentitySubset(IdentityImages images, int[] kept) {
        this.images = images;
        if (kept.length == 0) {
            throw new IllegalArgumentException("give at least one identity to keep");
        }
        int[] renumbered = new int[images.identityNames().size()];
        Arrays.fill(renumbered, -1);
        for (int k = 0; k < kept.length; k++) {
            int identity = kept[k];
            if (identity < 0 || identity >= renumbered.length) {
                throw new IllegalArgumentException("identity " + identity + " does not exist; the set has "
                        + "identities 0.." + (renumbered.length - 1));
            }
            if (renumbered[identity] >= 0) {
                throw new IllegalArgumentException("identity " + identity + " is given twice");
            }
            renumbered[identity] = k;
        }
        this.selection = IntStream.range(0, images.size()).filter(i -> renumbered[images.identity(i)] >= 0).toArray();
        this.identities = Arrays.stream(selection).map(i -> renumbered[images.identity(i)]).toArray();
        this.names = Arrays.stream(kept).mapToObj(images.identityNames()::get).toList();
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
        return images.shape();
    }

    @Override
    public ImageTensorFormat format() {
        return images.format();
    }

    @Override
    public INDArray image(int index) {
        return images.image(selection[index]);
    }
}
