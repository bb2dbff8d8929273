package org.cvkit.apps.train;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.cvkit.core.image.ImageTensorFormat;
import org.cvkit.core.io.ModelMetadata;
import org.cvkit.face.siamese.IdentityImages;
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
     * @param kept   identity numbers of that set, each at most once; {@code kept[k]} becomes identity {@code k}
     */
    IdentitySubset(IdentityImages images, int[] kept) {
        this.images = images;
        int[] renumbered = new int[images.identityNames().size()];
        Arrays.fill(renumbered, -1);
        for (int k = 0; k < kept.length; k++) {
            renumbered[kept[k]] = k;
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
