package org.cvkit.zoo.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.cvkit.zoo.SharedAssets;
import org.junit.jupiter.api.Test;

class AssetRegistryTest {

    private final AssetRegistry registry = AssetRegistry.defaults();

    @Test
    void registersEveryMirroredFileExactlyAsTheManifestDescribesIt() throws IOException {
        List<String> rows = Files.readAllLines(SharedAssets.mirror().resolve("MANIFEST.tsv"));
        assertThat(rows.get(0)).isEqualTo("path\tbytes\tsha256\tsource\tlicense");
        List<String[]> files = rows.subList(1, rows.size()).stream().map(row -> row.split("\t")).toList();

        for (String[] file : files) {
            Asset asset = registry.assets().stream().filter(a -> a.path().equals(file[0])).findFirst()
                    .orElseThrow(() -> new AssertionError("no asset for " + file[0]));
            assertThat(asset.bytes()).as(file[0]).isEqualTo(Long.parseLong(file[1]));
            assertThat(asset.sha256()).as(file[0]).contains(file[2]);
            assertThat(asset.url()).as(file[0]).isEqualTo(URI.create("https://" + file[3]));
            assertThat(asset.license()).as(file[0]).isEqualTo(file[4]);
        }
        assertThat(registry.assets()).hasSize(files.size() + 2);
    }

    @Test
    void registersTheDownloadOnlyWeightsAsSizeCheckedOnly() {
        Asset tiny = registry.asset("yolov3-tiny.weights");
        assertThat(tiny.bytes()).isEqualTo(35_434_956L);
        assertThat(tiny.sha256()).isEmpty();
        assertThat(tiny.url()).isEqualTo(URI.create("https://pjreddie.com/media/files/yolov3-tiny.weights"));
        assertThat(tiny.path()).isEqualTo("yolo/yolov3-tiny.weights");

        Asset vgg = registry.asset("vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5");
        assertThat(vgg.bytes()).isEqualTo(58_889_256L);
        assertThat(vgg.sha256()).isEmpty();
        assertThat(vgg.url()).isEqualTo(URI.create("https://github.com/fchollet/deep-learning-models/releases/"
                + "download/v0.1/vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5"));
        assertThat(vgg.license()).isEqualTo("CC BY 4.0");
    }

    @Test
    void bundlesGroupTheFilesThatBelongTogether() {
        assertThat(names(registry.expand("yolo-fastest-xl")))
                .containsExactly("yolo-fastest-1.1-xl.cfg", "yolo-fastest-1.1-xl.weights", "coco.names");
        assertThat(names(registry.expand("yolo-fastest-body")))
                .containsExactly("yolo-fastest-1.1_body.cfg", "yolo-fastest-1.1_body.weights", "body.names");
        assertThat(names(registry.expand("yolov3-tiny")))
                .containsExactly("yolov3-tiny.cfg", "yolov3-tiny.weights", "coco.names");
        assertThat(names(registry.expand("face-api-tiny-face-detector")))
                .containsExactly("tiny_face_detector_model-weights_manifest.json", "tiny_face_detector_model.bin");
        assertThat(names(registry.expand("fashion-mnist"))).containsExactly("train-images-idx3-ubyte.gz",
                "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
        assertThat(names(registry.expand("coco.names"))).containsExactly("coco.names");
        assertThat(registry.bundlesContaining(registry.asset("coco.names")))
                .containsExactly("yolo-fastest", "yolo-fastest-xl", "yolov3-tiny");
    }

    @Test
    void unknownNamesFailWithAHint() {
        assertThatThrownBy(() -> registry.asset("yolo9000.weights")).isInstanceOf(AssetException.class)
                .hasMessage("unknown asset or bundle 'yolo9000.weights': no such name is registered"
                        + " (`cvkit zoo list` shows them all)");
        assertThatThrownBy(() -> registry.expand("nope")).isInstanceOf(AssetException.class)
                .hasMessageContaining("unknown asset or bundle 'nope'");
        assertThatThrownBy(() -> registry.asset("fashion-mnist")).isInstanceOf(AssetException.class)
                .hasMessageContaining("'fashion-mnist' is a bundle of 4 assets, not a single asset");
        assertThat(registry.findAsset("nope")).isEmpty();
        assertThat(registry.findBundle("fashion-mnist")).isPresent();
    }

    @Test
    void rejectsAmbiguousRegistries() {
        Asset a = asset("a", "x/a");
        assertThatThrownBy(() -> AssetRegistry.of(List.of(a, asset("a", "x/b")), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("asset name a is registered twice");
        assertThatThrownBy(() -> AssetRegistry.of(List.of(a, asset("b", "x/a")), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("path x/a is used by two assets");
        assertThatThrownBy(() -> AssetRegistry.of(List.of(a), List.of(new Bundle("a", "clash", List.of("a")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bundle name a is already used");
        assertThatThrownBy(() -> AssetRegistry.of(List.of(a), List.of(new Bundle("b", "gap", List.of("c")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lists unknown asset c");
    }

    @Test
    void readsTheJsonLayoutAndNamesMissingFields() throws IOException {
        String json = """
                {"assets": [{"name": "a", "path": "x/a", "bytes": 3, "sha256": null,
                             "url": "https://example.org/a", "license": "MIT"}],
                 "bundles": [{"name": "all", "description": "everything", "assets": ["a"]}]}""";
        AssetRegistry parsed = AssetRegistry.fromJson(stream(json));
        assertThat(parsed.assets()).containsExactly(asset("a", "x/a"));
        assertThat(parsed.bundles()).containsExactly(new Bundle("all", "everything", List.of("a")));

        assertThatThrownBy(() -> AssetRegistry.fromJson(stream("{\"assets\": [{\"name\": \"a\"}]}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("asset registry entry a lacks the field 'path'");
    }

    private static Asset asset(String name, String path) {
        return new Asset(name, path, 3, Optional.empty(), URI.create("https://example.org/" + name), "MIT");
    }

    private static List<String> names(List<Asset> assets) {
        return assets.stream().map(Asset::name).toList();
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
