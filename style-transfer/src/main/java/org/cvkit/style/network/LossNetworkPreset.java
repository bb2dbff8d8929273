package org.cvkit.style.network;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.cvkit.core.arch.Vgg;
import org.cvkit.zoo.asset.AssetStore;
import org.cvkit.zoo.asset.VerificationResult;

/** The loss networks by name, as the command line offers them, with the assets each one needs. */
public enum LossNetworkPreset {
    /** VGG-16 with ImageNet weights when a verified copy is in the cache or mirror, else {@link #OFFLINE_DEFAULT}. */
    AUTO("auto"),
    /** VGG-16 with the Keras ImageNet weights, downloaded if needed. */
    VGG16_IMAGENET("vgg16-imagenet"),
    /** VGG-16 with random He-initialized weights from the seed. */
    VGG16_RANDOM("vgg16-random"),
    /** VGG-19 with random He-initialized weights from the seed. */
    VGG19_RANDOM("vgg19-random"),
    /** The COCO-pretrained Yolo-Fastest-1.1-XL backbone (in the asset mirror). */
    YOLO_FASTEST("yolo-fastest");

    /**
     * The network used when no ImageNet VGG weights are at hand: the pretrained Yolo-Fastest backbone. Compared on
     * the sample pictures (see the README), random-weight VGG-16 and VGG-19 move the style's colours in blotches
     * over a fine speckle, while Yolo-Fastest's COCO features paint strokes that follow the style, and run five to
     * twelve times faster than VGG-16 per iteration.
     */
    public static final LossNetworkPreset OFFLINE_DEFAULT = YOLO_FASTEST;

    /** The asset bundle holding the Keras VGG-16 ImageNet weights. */
    public static final String VGG16_WEIGHTS = "keras-vgg16-notop";

    /** The asset bundle holding Yolo-Fastest-1.1-XL. */
    public static final String YOLO_FASTEST_XL = "yolo-fastest-xl";

    private final String id;

    LossNetworkPreset(String id) {
        this.id = id;
    }

    /** @return the command-line name, for example {@code vgg16-random} */
    public String id() {
        return id;
    }

    /**
     * @param id a command-line name, in any case
     * @return the preset
     * @throws IllegalArgumentException if no preset has that name; the message lists them
     */
    public static LossNetworkPreset parse(String id) {
        return Arrays.stream(values()).filter(preset -> preset.id.equalsIgnoreCase(id.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown network '" + id + "'; choose one of "
                        + Arrays.stream(values()).map(LossNetworkPreset::id).toList()));
    }

    /**
     * @param store where weights come from
     * @param seed  seed of random weights (ignored by pretrained networks)
     * @return the network, with its default layers
     * @throws IOException if a weight file cannot be read
     * @throws org.cvkit.zoo.asset.AssetException if a needed asset cannot be found or downloaded
     */
    public LossNetwork create(AssetStore store, long seed) throws IOException {
        return switch (this) {
            case AUTO -> (hasImageNetWeights(store) ? VGG16_IMAGENET : OFFLINE_DEFAULT).create(store, seed);
            case VGG16_IMAGENET -> LossNetworks.vgg16ImageNet(store.resolveAll(VGG16_WEIGHTS).values().iterator()
                    .next());
            case VGG16_RANDOM -> LossNetworks.vggRandom(Vgg.Depth.VGG_16, seed);
            case VGG19_RANDOM -> LossNetworks.vggRandom(Vgg.Depth.VGG_19, seed);
            case YOLO_FASTEST -> yoloFastest(store);
        };
    }

    /**
     * @param store the asset store
     * @return whether a verified copy of the VGG-16 ImageNet weights is in its cache or mirror (nothing is
     *         downloaded)
     */
    public static boolean hasImageNetWeights(AssetStore store) {
        return store.verify(List.of(VGG16_WEIGHTS)).stream().map(VerificationResult::status)
                .anyMatch(status -> status == VerificationResult.Status.VERIFIED
                        || status == VerificationResult.Status.SIZE_CHECKED_ONLY);
    }

    private static LossNetwork yoloFastest(AssetStore store) throws IOException {
        Map<String, Path> files = store.resolveAll(YOLO_FASTEST_XL);
        return LossNetworks.yoloFastest(files.get("yolo-fastest-1.1-xl.cfg"), files.get("yolo-fastest-1.1-xl.weights"));
    }

    @Override
    public String toString() {
        return id;
    }
}
