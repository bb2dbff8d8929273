package org.cvkit.style.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.cvkit.core.image.ImageTensorFormat;
import org.cvkit.zoo.SharedAssets;
import org.cvkit.zoo.asset.AssetRegistry;
import org.cvkit.zoo.asset.AssetStore;
import org.cvkit.zoo.asset.ZooLocations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LossNetworkPresetTest {

    @Test
    void parsesCommandLineNamesInAnyCase() {
        assertThat(LossNetworkPreset.parse("VGG16-Random")).isEqualTo(LossNetworkPreset.VGG16_RANDOM);
        assertThat(LossNetworkPreset.parse("yolo-fastest")).isEqualTo(LossNetworkPreset.YOLO_FASTEST);
        assertThat(LossNetworkPreset.AUTO).hasToString("auto");
        assertThatThrownBy(() -> LossNetworkPreset.parse("resnet"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resnet")
                .hasMessageContaining("vgg16-imagenet");
    }

    /* The offline mirror holds Yolo-Fastest but never the download-only VGG weights. */
    @Test
    void autoFallsBackToTheOfflineDefaultWithoutImageNetWeights(@TempDir Path cache) throws Exception {
        AssetStore store = AssetStore.builder(AssetRegistry.defaults(),
                new ZooLocations(cache, Optional.of(SharedAssets.mirror()))).optProgress(false).build();

        assertThat(LossNetworkPreset.hasImageNetWeights(store)).isFalse();
        LossNetwork network = LossNetworkPreset.AUTO.create(store, 42);
        assertThat(network.name()).isEqualTo("yolo-fastest-xl");
        assertThat(network.inputFormat()).isEqualTo(ImageTensorFormat.RGB_UNIT);
        assertThat(network.contentLayer()).isEqualTo(LossNetworks.YOLO_FASTEST_CONTENT_LAYER);
        assertThat(network.styleLayers()).isEqualTo(LossNetworks.YOLO_FASTEST_STYLE_LAYERS);
    }

    @Test
    void randomVggIsDrawnFromTheSeed() {
        LossNetwork first = LossNetworks.vggRandom(org.cvkit.core.arch.Vgg.Depth.VGG_16, 3);
        LossNetwork again = LossNetworks.vggRandom(org.cvkit.core.arch.Vgg.Depth.VGG_16, 3);
        LossNetwork other = LossNetworks.vggRandom(org.cvkit.core.arch.Vgg.Depth.VGG_16, 4);

        assertThat(first.graph().params()).isEqualTo(again.graph().params());
        assertThat(first.graph().params()).isNotEqualTo(other.graph().params());
        assertThat(first.graph().numParams()).isEqualTo(14_714_688);
        assertThat(first.contentLayer()).isEqualTo("block4_conv2");
        assertThat(first.styleLayers()).extracting(StyleLayer::name)
                .containsExactly("block1_conv1", "block2_conv1", "block3_conv1", "block4_conv1", "block5_conv1");
    }
}
