package org.cvkit.zoo.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssetTest {

    private static final String SHA = "634a1132eb33f8091d60f2c346ababe8b905ae08387037aed883953b7329af84";
    private static final URI URL = URI.create("https://github.com/pjreddie/darknet/raw/master/data/coco.names");

    @Test
    void describesHowItIsChecked() {
        Asset pinned = new Asset("coco.names", "yolo/coco.names", 625, Optional.of(SHA), URL, "public domain");
        Asset sizeOnly = new Asset("coco.names", "yolo/coco.names", 625, Optional.empty(), URL, "public domain");

        assertThat(pinned.isSha256Pinned()).isTrue();
        assertThat(pinned.integrityDescription()).isEqualTo("SHA-256 pinned");
        assertThat(sizeOnly.isSha256Pinned()).isFalse();
        assertThat(sizeOnly.integrityDescription()).isEqualTo("size-checked only (no SHA-256 pinned yet)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "a/b", ".hidden", "-dash"})
    void rejectsBadNames(String name) {
        assertThatThrownBy(() -> new Asset(name, "yolo/coco.names", 625, Optional.of(SHA), URL, "MIT"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("asset name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "../escape", "yolo/../../escape", "yolo//coco.names", "yolo/./x",
            "yolo\\coco.names", "yolo/"})
    void rejectsPathsThatCouldEscapeTheCache(String path) {
        assertThatThrownBy(() -> new Asset("coco.names", path, 625, Optional.of(SHA), URL, "MIT"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be relative");
    }

    @Test
    void rejectsNonPositiveSizes() {
        assertThatThrownBy(() -> new Asset("coco.names", "yolo/coco.names", 0, Optional.of(SHA), URL, "MIT"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive size");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "634A1132EB33F8091D60F2C346ABABE8B905AE08387037AED883953B7329AF84",
            "634a1132eb33f8091d60f2c346ababe8b905ae08387037aed883953b7329af8"})
    void rejectsMalformedDigests(String sha) {
        assertThatThrownBy(() -> new Asset("coco.names", "yolo/coco.names", 625, Optional.of(sha), URL, "MIT"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64 lower-case hex digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org/x", "file:///tmp/x", "github.com/x"})
    void rejectsNonHttpUrls(String url) {
        assertThatThrownBy(() -> new Asset("x", "x", 1, Optional.empty(), URI.create(url), "MIT"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute http(s) URL");
    }

    @Test
    void rejectsBlankLicence() {
        assertThatThrownBy(() -> new Asset("x", "x", 1, Optional.empty(), URL, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("licence");
    }

    @Test
    void bundleRejectsEmptyAndDuplicateMembers() {
        assertThatThrownBy(() -> new Bundle("b", "nothing", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one asset");
        assertThatThrownBy(() -> new Bundle("b", "twice", List.of("a", "a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }
}
