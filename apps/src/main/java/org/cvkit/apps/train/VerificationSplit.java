package org.cvkit.apps.train;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.IntStream;
import org.cvkit.core.data.FashionMnist;
import org.cvkit.core.data.LabeledImageSet;
import org.cvkit.core.image.ImageTensorFormat;
import org.cvkit.core.io.ModelMetadata;
import org.cvkit.face.siamese.IdentityFolders;
import org.cvkit.face.siamese.IdentityImages;
import org.cvkit.zoo.asset.AssetStore;

/**
 * The images a Siamese encoder trains on, and the identities, never seen in training, whose images measure how well
 * it verifies.
 *
 * @param training    the training images
 * @param heldOut     the images of the held-out identities
 * @param description the training data, for the model's provenance
 */
record VerificationSplit(IdentityImages training, IdentityImages heldOut, String description) {

    /** The Fashion-MNIST classes trained on: T-shirt/top to shirt. */
    private static final int[] SEEN_CLASSES = {0, 1, 2, 3, 4, 5, 6};
    /** The Fashion-MNIST classes verified on: sneaker, bag and ankle boot. */
    private static final int[] UNSEEN_CLASSES = {7, 8, 9};
    /** Pairs of different identities need two of them. */
    private static final int MIN_HELD_OUT = 2;
    /** Without a count, this fraction of the identities is held out, at least {@value #MIN_HELD_OUT}. */
    private static final int HELD_OUT_DIVISOR = 5;

    /**
     * Trains on the training images of Fashion-MNIST's classes 0-6 and verifies on the test images of classes 7-9,
     * each class standing for an identity.
     *
     * @param store where the data set comes from
     * @return the split, standardized as Fashion-MNIST networks expect
     * @throws IOException if the files cannot be read
     */
    static VerificationSplit fashionMnist(AssetStore store) throws IOException {
        return new VerificationSplit(IdentityImages.ofClasses(load(store, FashionMnist.Split.TRAIN), SEEN_CLASSES),
                IdentityImages.ofClasses(load(store, FashionMnist.Split.TEST), UNSEEN_CLASSES),
                "Fashion-MNIST training images of classes 0-6");
    }

    /**
     * Opens a folder-per-identity data set ({@link IdentityFolders}, levels scaled to 0..1), leaves out the
     * identities with a single image, then draws the held-out identities among the others.
     *
     * @param root               the folder holding one sub-folder of images per identity
     * @param shape              the size the images are stretched to, and 1 (grey) or 3 (colour) channels
     * @param heldOut            how many identities to hold out; by default a fifth of them, at least 2
     * @param identitiesPerBatch the identities of one training batch, which the rest must provide
     * @param seed               the seed of the draw
     * @return the training identities and the held-out ones, each in folder order
     * @throws IllegalArgumentException if the root is not a folder, fewer than 2 identities are held out, or too
     *                                  few identities have two images
     * @throws IOException              if a folder cannot be listed
     */
    static VerificationSplit ofFolders(Path root, ModelMetadata.InputShape shape, OptionalInt heldOut,
                                       int identitiesPerBatch, long seed) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("the data folder " + root + " does not exist or is not a folder; give"
                    + " a folder with one sub-folder of images per identity");
        }
        IdentityFolders folders = IdentityFolders.open(root, shape, ImageTensorFormat.RGB_UNIT);
        int[] imageCounts = new int[folders.identityNames().size()];
        for (int i = 0; i < folders.size(); i++) {
            imageCounts[folders.identity(i)]++;
        }
        List<Integer> usable = new ArrayList<>(IntStream.range(0, imageCounts.length)
                .filter(identity -> imageCounts[identity] >= 2).boxed().toList());
        int held = heldOut.orElse(Math.max(MIN_HELD_OUT, usable.size() / HELD_OUT_DIVISOR));
        if (held < MIN_HELD_OUT) {
            throw new IllegalArgumentException("--held-out must be at least " + MIN_HELD_OUT
                    + ": pairs of different identities need two, but it is " + held);
        }
        if (usable.size() < identitiesPerBatch + held) {
            throw new IllegalArgumentException(root + " holds " + usable.size() + " identity folder(s) with two or"
                    + " more images and " + (imageCounts.length - usable.size()) + " with a single one, but batches"
                    + " of " + identitiesPerBatch + " identities and " + held + " held out for verification need "
                    + (identitiesPerBatch + held) + "; add identities or lower --batch or --held-out");
        }
        Collections.shuffle(usable, new Random(seed));
        return new VerificationSplit(
                folders.ofIdentities(sorted(usable.subList(held, usable.size()))),
                folders.ofIdentities(sorted(usable.subList(0, held))),
                "identity folders of " + root);
    }

    private static LabeledImageSet load(AssetStore store, FashionMnist.Split split) throws IOException {
        try (InputStream images = Files.newInputStream(store.resolve(split.imagesFile()));
             InputStream labels = Files.newInputStream(store.resolve(split.labelsFile()))) {
            return FashionMnist.read(images, labels).normalized(FashionMnist.STANDARDIZATION);
        }
    }

    private static int[] sorted(List<Integer> identities) {
        return identities.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
