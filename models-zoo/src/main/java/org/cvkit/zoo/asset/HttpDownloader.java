package org.cvkit.zoo.asset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.cvkit.core.progress.ProgressLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads one asset over HTTP(S) into a temporary file next to its target, verifies size and SHA-256 while the
 * bytes stream in, and only then moves the file into place atomically. Nothing is left behind on failure.
 */
final class HttpDownloader {

    private static final Logger LOG = LoggerFactory.getLogger(HttpDownloader.class);
    private static final int BUFFER_BYTES = 1 << 16;
    /** Smaller downloads finish too fast for a progress bar to help. */
    private static final long PROGRESS_THRESHOLD_BYTES = 1 << 20;

    private final Duration timeout;
    private final boolean progress;

    /**
     * @param timeout  how long to wait for a connection and for the response headers
     * @param progress whether to draw a progress bar on standard error (for files of 1 MiB or more)
     */
    HttpDownloader(Duration timeout, boolean progress) {
        this.timeout = timeout;
        this.progress = progress;
    }

    /**
     * Downloads {@code asset} from {@code source} to {@code target}.
     *
     * @param asset  the asset, whose size and SHA-256 the bytes must match
     * @param source where to download from
     * @param target where the verified file goes; its directory is created if needed
     * @throws AssetException if the download fails or the bytes do not match
     */
    void download(Asset asset, URI source, Path target) {
        Path part = createPartFile(asset, target);
        try {
            Fingerprint received = fetch(asset, source, target, part);
            if (!received.matches(asset)) {
                throw new AssetException(received.mismatch(asset, source.toString())
                        + "; the downloaded file was deleted");
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            LOG.info("Downloaded {} ({} bytes) to {}", asset.name(), asset.bytes(), target);
        } catch (IOException e) {
            throw new AssetException("cannot move the downloaded " + asset.name() + " into place at " + target
                    + ": " + describe(e), e);
        } finally {
            deleteQuietly(part);
        }
    }

    private static Path createPartFile(Asset asset, Path target) {
        try {
            Files.createDirectories(target.getParent());
            return Files.createTempFile(target.getParent(), asset.name() + ".", ".part");
        } catch (IOException e) {
            throw new AssetException("cannot write to the cache folder " + target.getParent() + " for asset "
                    + asset.name() + " (" + describe(e) + "); set " + ZooLocations.CACHE_VARIABLE + " or -D"
                    + ZooLocations.CACHE_PROPERTY + " to a writable folder", e);
        }
    }

    private Fingerprint fetch(Asset asset, URI source, Path target, Path part) {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(timeout)
                .build();
        HttpRequest request = HttpRequest.newBuilder(source).timeout(timeout).GET().build();
        LOG.info("Downloading {} from {}", asset.name(), source);
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new AssetException(cannotDownload(asset, source, target, describe(e)), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssetException("download of " + asset.name() + " from " + source + " was interrupted", e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new AssetException(cannotDownload(asset, source, target,
                        "the server answered HTTP " + response.statusCode()));
            }
            return copy(asset, source, body, part);
        } catch (IOException e) {
            throw new AssetException("download of " + asset.name() + " from " + source + " failed: " + describe(e), e);
        }
    }

    private Fingerprint copy(Asset asset, URI source, InputStream body, Path part) {
        MessageDigest digest = Fingerprint.newDigest();
        long received = 0;
        byte[] buffer = new byte[BUFFER_BYTES];
        try (OutputStream out = Files.newOutputStream(part); ProgressBar bar = progressBar(asset)) {
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                received += n;
                if (received > asset.bytes()) {
                    throw new AssetException(String.format(Locale.ROOT, "asset %s from %s failed verification:"
                            + " the server sent more than the expected %,d bytes; the downloaded file was deleted",
                            asset.name(), source, asset.bytes()));
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
                if (bar != null) {
                    bar.stepBy(n);
                }
            }
        } catch (IOException e) {
            throw new AssetException(String.format(Locale.ROOT, "download of %s from %s broke off after %,d of %,d"
                    + " bytes (%s); nothing was kept, try again", asset.name(), source, received, asset.bytes(),
                    describe(e)), e);
        }
        return Fingerprint.of(received, digest);
    }

    private ProgressBar progressBar(Asset asset) {
        if (!progress || asset.bytes() < PROGRESS_THRESHOLD_BYTES) {
            return null;
        }
        return new ProgressBarBuilder()
                .setTaskName(asset.name())
                .setInitialMax(asset.bytes())
                .setUnit("MiB", 1 << 20)
                .showSpeed()
                .setConsumer(ProgressLine.of(System.err))
                .build();
    }

    private static String cannotDownload(Asset asset, URI source, Path target, String reason) {
        return String.format(Locale.ROOT, "cannot download asset %s from %s (%s). Without network access,"
                + " download that URL elsewhere and place the file at %s (%,d bytes, %s), or set %s to a folder"
                + " that holds %s", asset.name(), source, reason, target, asset.bytes(),
                asset.sha256().map(hex -> "SHA-256 " + hex).orElse("no SHA-256 pinned"),
                ZooLocations.MIRROR_VARIABLE, asset.path());
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + message;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete the temporary download {}: {}", file, describe(e));
        }
    }
}
