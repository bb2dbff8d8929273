package org.cvkit.zoo.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.cvkit.zoo.SharedAssets;
import org.cvkit.zoo.asset.VerificationResult.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolution through cache, mirror and a local HTTP server that serves good, corrupted and truncated bytes. */
class AssetStoreTest {

    private static final String COCO_SHA = "634a1132eb33f8091d60f2c346ababe8b905ae08387037aed883953b7329af84";
    /** sha256sum of coco.names with its first byte 'p' replaced by 'P'. */
    private static final String CAPITALIZED_COCO_SHA =
            "85548908431b8f27687c469744be864a601e887edc9c1749e0e0d1258a9d3455";
    /** sha256sum of the first 100 bytes of coco.names. */
    private static final String TRUNCATED_COCO_SHA =
            "dec7dcee516738e6dcdf6714a5714858dfb7583bf0d90c6d5430d0c9d99182c7";
    private static final String COCO_PATH = "/github.com/pjreddie/darknet/raw/master/data/coco.names";

    @TempDir
    Path cache;
    @TempDir
    Path scratch;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Responder responder = exchange -> reply(exchange, 404, new byte[0]);
    private byte[] coco;

    @FunctionalInterface
    private interface Responder {
        void respond(HttpExchange exchange) throws IOException;
    }

    @BeforeEach
    void startServer() throws IOException {
        coco = Files.readAllBytes(SharedAssets.mirror().resolve("yolo/coco.names"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            try (exchange) {
                responder.respond(exchange);
            } catch (IOException e) {
                // closing an exchange that sent fewer bytes than announced breaks the connection on purpose
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void downloadsVerifiesAndKeepsTheFileInTheCache() throws IOException {
        serveAt(COCO_PATH, coco);
        AssetStore store = store(Optional.empty());

        Path resolved = store.resolve("coco.names");

        assertThat(resolved).isEqualTo(cache.resolve("yolo/coco.names"));
        assertThat(Files.readAllBytes(resolved)).isEqualTo(coco);
        assertThat(filesIn(cache)).containsExactly(resolved);
        assertThat(store.resolve("coco.names")).isEqualTo(resolved);
        assertThat(requests).hasValue(1);
    }

    @Test
    void largeDownloadsDrawProgressOnStandardError() throws IOException {
        byte[] weights = Files.readAllBytes(SharedAssets.mirror().resolve("yolo/yolo-fastest-1.1.weights"));
        serveAt("/github.com/dog-qiuqiu/Yolo-Fastest/raw/master/ModelZoo/yolo-fastest-1.1_coco/"
                + "yolo-fastest-1.1.weights", weights);
        PrintStream standardError = System.err;
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        System.setErr(new PrintStream(progress, true, StandardCharsets.UTF_8));
        Path resolved;
        try {
            resolved = storeBuilder(Optional.empty()).optProgress(true).build().resolve("yolo-fastest-1.1.weights");
        } finally {
            System.setErr(standardError);
        }

        assertThat(Files.readAllBytes(resolved)).isEqualTo(weights);
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("yolo-fastest-1.1.weights 100%")
                .contains("MiB");
    }

    @Test
    void followsRedirects() throws IOException {
        responder = exchange -> {
            if (exchange.getRequestURI().getPath().equals(COCO_PATH)) {
                exchange.getResponseHeaders().add("Location", "/elsewhere/coco.names");
                reply(exchange, 302, new byte[0]);
            } else {
                reply(exchange, 200, coco);
            }
        };

        Path resolved = store(Optional.empty()).resolve("coco.names");

        assertThat(Files.readAllBytes(resolved)).isEqualTo(coco);
        assertThat(requests).hasValue(2);
    }

    @Test
    void deletesCorruptedDownloadsAndNamesBothDigests() throws IOException {
        byte[] corrupted = coco.clone();
        corrupted[0] = 'P';
        serveAt(COCO_PATH, corrupted);

        assertThatThrownBy(() -> store(Optional.empty()).resolve("coco.names"))
                .isInstanceOf(AssetException.class)
                .hasMessage("asset coco.names from " + base() + COCO_PATH.substring(1) + " failed verification:"
                        + " expected 625 bytes with SHA-256 " + COCO_SHA + ", got 625 bytes with SHA-256 "
                        + CAPITALIZED_COCO_SHA + "; the downloaded file was deleted");
        assertThat(filesIn(cache)).isEmpty();
    }

    @Test
    void deletesTruncatedDownloads() throws IOException {
        serveAt(COCO_PATH, Arrays.copyOf(coco, 100));

        assertThatThrownBy(() -> store(Optional.empty()).resolve("coco.names"))
                .isInstanceOf(AssetException.class)
                .hasMessageContaining("expected 625 bytes with SHA-256 " + COCO_SHA + ", got 100 bytes with SHA-256 "
                        + TRUNCATED_COCO_SHA + "; the downloaded file was deleted");
        assertThat(filesIn(cache)).isEmpty();
    }

    @Test
    void stopsReadingWhenTheServerSendsTooMuch() throws IOException {
        byte[] longer = Arrays.copyOf(coco, 1 << 20);
        serveAt(COCO_PATH, longer);

        assertThatThrownBy(() -> store(Optional.empty()).resolve("coco.names"))
                .isInstanceOf(AssetException.class)
                .hasMessageContaining("the server sent more than the expected 625 bytes; the downloaded file was"
                        + " deleted");
        assertThat(filesIn(cache)).isEmpty();
    }

    @Test
    void reportsAConnectionThatBreaksOffMidway() throws IOException {
        responder = exchange -> {
            exchange.sendResponseHeaders(200, coco.length);
            OutputStream body = exchange.getResponseBody();
            body.write(coco, 0, 100);
            body.flush();
        };

        assertThatThrownBy(() -> store(Optional.empty()).resolve("coco.names"))
                .isInstanceOf(AssetException.class)
                .hasMessageStartingWith("download of coco.names from " + base() + COCO_PATH.substring(1)
                        + " broke off after ")
                .hasMessageContaining(" of 625 bytes");
        assertThat(filesIn(cache)).isEmpty();
    }

    @Test
    void namesTheHttpStatusAndWhereToPlaceTheFileByHand() {
        assertThatThrownBy(() -> store(Optional.empty()).resolve("coco.names"))
                .isInstanceOf(AssetException.class)
                .hasMessage("cannot download asset coco.names from " + base() + COCO_PATH.substring(1)
                        + " (the server answered HTTP 404). Without network access, download that URL elsewhere"
                        + " and place the file at " + cache.resolve("yolo/coco.names") + " (625 bytes, SHA-256 "
                        + COCO_SHA + "), or set CVKIT_MIRROR to a folder that holds yolo/coco.names");
    }

    @Test
    void offlineWithNothingCachedGivesTheUrlAndTheManualPathInOneLine() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        AssetStore offline = AssetStore.builder(AssetRegistry.defaults(), new ZooLocations(cache, Optional.empty()))
                .optDownloadBase(URI.create("http://127.0.0.1:" + closedPort))
                .optTimeout(Duration.ofSeconds(5))
                .optProgress(false)
                .build();

        assertThatThrownBy(() -> offline.resolve("yolov3-tiny.weights"))
                .isInstanceOf(AssetException.class)
                .hasMessageStartingWith("cannot download asset yolov3-tiny.weights from http://127.0.0.1:"
                        + closedPort + "/pjreddie.com/media/files/yolov3-tiny.weights (ConnectException")
                .hasMessageEndingWith("place the file at " + cache.resolve("yolo/yolov3-tiny.weights")
                        + " (35,434,956 bytes, no SHA-256 pinned), or set CVKIT_MIRROR to a folder that holds"
                        + " yolo/yolov3-tiny.weights")
                .message().doesNotContain("\n");
    }

    @Test
    void anUnwritableCacheIsReportedWithTheSettingToChange() throws IOException {
        Path notAFolder = Files.writeString(scratch.resolve("cache-file"), "x");
        serveAt(COCO_PATH, coco);
        AssetStore store = AssetStore.builder(AssetRegistry.defaults(), new ZooLocations(notAFolder, Optional.empty()))
                .optDownloadBase(base()).optProgress(false).build();

        assertThatThrownBy(() -> store.resolve("coco.names"))
                .isInstanceOf(AssetException.class)
                .hasMessageStartingWith("cannot write to the cache folder " + notAFolder.resolve("yolo")
                        + " for asset coco.names (")
                .hasMessageEndingWith("); set CVKIT_CACHE or -Dcvkit.cache to a writable folder");
        assertThat(requests).hasValue(0);
    }

    @Test
    void aFolderInTheWayOfTheCachedFileIsReported() throws IOException {
        Path inTheWay = Files.createDirectories(cache.resolve("yolo/coco.names"));
        Files.writeString(inTheWay.resolve("keep"), "x");
        serveAt(COCO_PATH, coco);

        assertThatThrownBy(() -> store(Optional.empty()).resolve("coco.names"))
                .isInstanceOf(AssetException.class)
                .hasMessageStartingWith("cannot move the downloaded coco.names into place at " + inTheWay + ": ");
        assertThat(filesIn(cache)).containsExactly(inTheWay.resolve("keep"));
    }

    @Test
    void cachedCopiesAreUsedWithoutTheNetwork() throws IOException {
        Path cached = write(cache.resolve("yolo/coco.names"), coco);

        assertThat(store(Optional.of(SharedAssets.mirror())).resolve("coco.names")).isEqualTo(cached);
        assertThat(requests).hasValue(0);
    }

    @Test
    void corruptCachedCopiesAreDeletedAndFetchedAgainNextTime() throws IOException {
        Path cached = write(cache.resolve("yolo/coco.names"), Arrays.copyOf(coco, 100));
        serveAt(COCO_PATH, coco);
        AssetStore store = store(Optional.empty());

        assertThatThrownBy(() -> store.resolve("coco.names"))
                .isInstanceOf(AssetException.class)
                .hasMessage("asset coco.names from cache " + cached + " failed verification: expected 625 bytes with"
                        + " SHA-256 " + COCO_SHA + ", got 100 bytes with SHA-256 " + TRUNCATED_COCO_SHA
                        + "; the cached copy was deleted, so the next attempt fetches a fresh one");
        assertThat(cached).doesNotExist();

        assertThat(Files.readAllBytes(store.resolve("coco.names"))).isEqualTo(coco);
    }

    @Test
    void mirrorCopiesAreUsedInPlace() throws IOException {
        Path mirror = SharedAssets.mirror();

        Map<String, Path> files = store(Optional.of(mirror)).resolveAll("face-api-tiny-face-detector");

        assertThat(files).containsExactly(
                Map.entry("tiny_face_detector_model-weights_manifest.json",
                        mirror.resolve("face-api/tiny_face_detector_model-weights_manifest.json")),
                Map.entry("tiny_face_detector_model.bin", mirror.resolve("face-api/tiny_face_detector_model.bin")));
        assertThat(filesIn(cache)).isEmpty();
        assertThat(requests).hasValue(0);
    }

    @Test
    void corruptMirrorCopiesFailAndStayUntouched() throws IOException {
        Path mirrored = write(scratch.resolve("yolo/coco.names"), Arrays.copyOf(coco, 100));

        assertThatThrownBy(() -> store(Optional.of(scratch)).resolve("coco.names"))
                .isInstanceOf(AssetException.class)
                .hasMessage("asset coco.names from mirror " + mirrored + " failed verification: expected 625 bytes"
                        + " with SHA-256 " + COCO_SHA + ", got 100 bytes with SHA-256 " + TRUNCATED_COCO_SHA
                        + "; replace that mirror file with a good copy");
        assertThat(mirrored).exists();
        assertThat(requests).hasValue(0);
    }

    @Test
    void aConfiguredMirrorMustExist() {
        Path absent = scratch.resolve("absent");

        assertThatThrownBy(() -> store(Optional.of(absent)))
                .isInstanceOf(AssetException.class)
                .hasMessage("the mirror folder " + absent + " does not exist; fix or unset CVKIT_MIRROR"
                        + " / -Dcvkit.mirror");
    }

    @Test
    void unknownNamesFailBeforeAnyLookup() {
        assertThatThrownBy(() -> store(Optional.empty()).resolve("nope.weights"))
                .isInstanceOf(AssetException.class).hasMessageContaining("unknown asset or bundle 'nope.weights'");
        assertThat(requests).hasValue(0);
    }

    @Test
    void verifiesEveryMirroredAssetAgainstItsPinnedDigest() {
        List<VerificationResult> results = store(Optional.of(SharedAssets.mirror())).verify(List.of());

        assertThat(results).hasSize(AssetRegistry.defaults().assets().size());
        assertThat(results).filteredOn(result -> result.status() == Status.ABSENT)
                .extracting(result -> result.asset().name())
                .containsExactly("yolov3-tiny.weights", "vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5");
        assertThat(results).filteredOn(result -> result.status() != Status.ABSENT)
                .allSatisfy(result -> {
                    assertThat(result.status()).isEqualTo(Status.VERIFIED);
                    assertThat(result.origin()).isEqualTo(Origin.MIRROR);
                });
    }

    @Test
    void verifyReportsEachCopyWithoutChangingAnything() throws IOException {
        Path corrupt = write(cache.resolve("yolo/coco.names"), Arrays.copyOf(coco, 100));
        Path mirror = SharedAssets.mirror();

        List<VerificationResult> results = store(Optional.of(mirror)).verify(List.of("yolov3-tiny"));

        assertThat(results).extracting(VerificationResult::status, VerificationResult::origin,
                VerificationResult::location).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Status.VERIFIED, Origin.MIRROR,
                                mirror.resolve("yolo/yolov3-tiny.cfg")),
                        org.assertj.core.groups.Tuple.tuple(Status.ABSENT, Origin.CACHE,
                                cache.resolve("yolo/yolov3-tiny.weights")),
                        org.assertj.core.groups.Tuple.tuple(Status.CORRUPT, Origin.CACHE, corrupt),
                        org.assertj.core.groups.Tuple.tuple(Status.VERIFIED, Origin.MIRROR,
                                mirror.resolve("yolo/coco.names")));
        assertThat(results.get(1).message()).isEqualTo("yolov3-tiny.weights is in neither the cache ("
                + cache.resolve("yolo/yolov3-tiny.weights") + ") nor the mirror ("
                + mirror.resolve("yolo/yolov3-tiny.weights") + ")");
        assertThat(results.get(2).isCorrupt()).isTrue();
        assertThat(corrupt).exists();
    }

    @Test
    void sizeOnlyAssetsSaySoPlainly() throws IOException {
        Asset unpinned = new Asset("tiny.bin", "x/tiny.bin", 4, Optional.empty(),
                URI.create("https://example.org/tiny.bin"), "MIT");
        AssetStore store = AssetStore.builder(AssetRegistry.of(List.of(unpinned), List.of()),
                new ZooLocations(cache, Optional.empty())).build();
        Path file = write(cache.resolve("x/tiny.bin"), "abcd".getBytes(StandardCharsets.US_ASCII));

        VerificationResult good = store.verify(List.of("tiny.bin")).get(0);
        assertThat(good.status()).isEqualTo(Status.SIZE_CHECKED_ONLY);
        assertThat(good.message()).isEqualTo("tiny.bin in cache " + file
                + ": 4 bytes as expected; size-checked only, no SHA-256 pinned yet");
        assertThat(store.resolve("tiny.bin")).isEqualTo(file);

        write(file, "abcde".getBytes(StandardCharsets.US_ASCII));
        assertThat(store.verify(List.of("tiny.bin")).get(0).message()).isEqualTo("asset tiny.bin from cache " + file
                + " failed verification: expected 4 bytes (size-checked only, no SHA-256 pinned), got 5 bytes with"
                + " SHA-256 36bbe50ed96841d10443bcb670d6554f0a34b761be67ec9c4a8ad2c0c44ca42c");
    }

    @Test
    void downloadBaseKeepsHostAndPathOfTheCanonicalUrl() {
        Asset coco = AssetRegistry.defaults().asset("coco.names");
        AssetStore plain = AssetStore.builder(AssetRegistry.defaults(), new ZooLocations(cache, Optional.empty()))
                .build();
        AssetStore based = AssetStore.builder(AssetRegistry.defaults(), new ZooLocations(cache, Optional.empty()))
                .optDownloadBase(URI.create("http://proxy.local:8080/assets")).build();

        assertThat(plain.downloadUri(coco)).isEqualTo(coco.url());
        assertThat(based.downloadUri(coco)).isEqualTo(URI.create(
                "http://proxy.local:8080/assets/github.com/pjreddie/darknet/raw/master/data/coco.names"));
        assertThat(plain.cachePath(coco)).isEqualTo(cache.resolve("yolo/coco.names"));
        assertThatThrownBy(() -> AssetStore.builder(AssetRegistry.defaults(), new ZooLocations(cache,
                Optional.empty())).optDownloadBase(URI.create("ftp://x/"))).isInstanceOf(
                        IllegalArgumentException.class);
    }

    private AssetStore store(Optional<Path> mirror) {
        return storeBuilder(mirror).build();
    }

    private AssetStore.Builder storeBuilder(Optional<Path> mirror) {
        return AssetStore.builder(AssetRegistry.defaults(), new ZooLocations(cache, mirror))
                .optDownloadBase(base())
                .optProgress(false);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void serveAt(String path, byte[] bytes) {
        responder = exchange -> {
            boolean found = exchange.getRequestURI().getPath().equals(path);
            reply(exchange, found ? 200 : 404, found ? bytes : new byte[0]);
        };
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
