package org.cvkit.apps.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cvkit.apps.CommandRunner;
import org.cvkit.apps.CommandRunner.Result;
import org.cvkit.apps.ExitCode;
import org.cvkit.zoo.SharedAssets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end runs of {@code cvkit zoo} over the real asset mirror and a temporary cache. */
class ZooCommandTest {

    @TempDir
    Path cache;

    private String mirror;

    @BeforeEach
    void findTheMirror() {
        mirror = SharedAssets.mirror().toString();
    }

    @Test
    void listsAssetsWithSizesChecksAndBundles() {
        Result result = zoo("list");

        assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(result.out()).containsPattern("yolo-fastest-1\\.1-xl\\.weights +3,693,964  sha256 +mirror ")
                .containsPattern("yolov3-tiny\\.weights +35,434,956  size-only +- +public domain")
                .contains("= yolo-fastest-1.1-xl.cfg + yolo-fastest-1.1-xl.weights + coco.names")
                .contains("= train-images-idx3-ubyte.gz + train-labels-idx1-ubyte.gz + t10k-images-idx3-ubyte.gz"
                        + " + t10k-labels-idx1-ubyte.gz");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void fetchPrintsOneVerifiedFilePerLine() {
        Result result = zoo("fetch", "yolo-fastest", "body.names");

        assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(result.out().lines()).containsExactly(
                "yolo-fastest-1.1.cfg\t" + Path.of(mirror, "yolo/yolo-fastest-1.1.cfg"),
                "yolo-fastest-1.1.weights\t" + Path.of(mirror, "yolo/yolo-fastest-1.1.weights"),
                "coco.names\t" + Path.of(mirror, "yolo/coco.names"),
                "body.names\t" + Path.of(mirror, "yolo/body.names"));
    }

    @Test
    void fetchFailuresAreOneLine() throws IOException {
        Result unknown = zoo("fetch", "yolo9000");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(unknown.err()).isEqualTo("cvkit: unknown asset or bundle 'yolo9000': no such name is registered"
                + " (`cvkit zoo list` shows them all)" + System.lineSeparator());

        Path corrupt = cache.resolve("yolo/coco.names");
        Files.createDirectories(corrupt.getParent());
        Files.writeString(corrupt, "person\n");
        Result broken = zoo("fetch", "coco.names");
        assertThat(broken.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(broken.err().lines()).singleElement().asString()
                .startsWith("cvkit: asset coco.names from cache " + corrupt + " failed verification: expected 625"
                        + " bytes with SHA-256 634a1132eb33f8091d60f2c346ababe8b905ae08387037aed883953b7329af84,"
                        + " got 7 bytes");
    }

    @Test
    void verifyChecksEveryReachableCopy() {
        Result result = zoo("verify");

        assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(result.out()).contains("ok        coco.names in mirror " + Path.of(mirror, "yolo/coco.names")
                        + ": 625 bytes, SHA-256 verified")
                .contains("absent    yolov3-tiny.weights is in neither the cache")
                .endsWith("39 verified, 0 size-checked only, 0 corrupt, 2 absent" + System.lineSeparator());
        assertThat(result.err()).isEmpty();
    }

    @Test
    void verifyFailsNamingCorruptAndMissingAssets() throws IOException {
        Path corrupt = cache.resolve("yolo/body.names");
        Files.createDirectories(corrupt.getParent());
        Files.writeString(corrupt, "bodY\n");

        Result result = zoo("verify", "yolo-fastest-body", "yolov3-tiny.weights");

        assertThat(result.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(result.out()).contains("CORRUPT   asset body.names from cache " + corrupt)
                .contains("ok        body.names in mirror")
                .endsWith("3 verified, 0 size-checked only, 1 corrupt, 1 absent" + System.lineSeparator());
        assertThat(result.err()).isEqualTo("cvkit: 2 assets failed verification: body.names, yolov3-tiny.weights"
                + System.lineSeparator());
    }

    @Test
    void aMissingMirrorFolderIsReported() {
        Result result = CommandRunner.run("zoo", "verify", "--cache", cache.toString(), "--mirror",
                cache.resolve("nowhere").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(result.err()).isEqualTo("cvkit: the mirror folder " + cache.resolve("nowhere")
                + " does not exist; fix or unset CVKIT_MIRROR / -Dcvkit.mirror" + System.lineSeparator());
    }

    private Result zoo(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "zoo";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--cache";
        all[args.length + 2] = cache.toString();
        all[args.length + 3] = "--mirror";
        all[args.length + 4] = mirror;
        return CommandRunner.run(all);
    }
}
