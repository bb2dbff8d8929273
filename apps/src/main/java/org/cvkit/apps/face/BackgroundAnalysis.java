package org.cvkit.apps.face;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.detection.media.ObjectDetector;

/**
 * Runs a live loop's detector beside the display, on a thread of its own: the loop offers every frame, and a copy of
 * it is analyzed when the previous analysis is done (otherwise the frame passes unanalyzed); {@link #latest()} is
 * what the last finished analysis found. The window then shows every camera frame while the analysis keeps its own
 * pace, and the boxes trail a moving face by at most one analysis. The detector only ever runs on the one analysis
 * thread, so a stateful detector (a face tracker) sees the analyzed frames in order.
 */
final class BackgroundAnalysis implements AutoCloseable {

    private static final long CLOSE_TIMEOUT_SECONDS = 60;

    private final ObjectDetector detector;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "cvkit-live-analysis");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong analyzed = new AtomicLong();
    private volatile List<Detection> latest = List.of();
    private Future<?> running;

    /** @param detector what to run on the frames, for example a {@link FaceIdentifier} that tracks faces */
    BackgroundAnalysis(ObjectDetector detector) {
        this.detector = Objects.requireNonNull(detector, "detector");
    }

    /**
     * Starts analyzing a copy of the frame if no analysis is running. Call it from one thread, the loop's.
     *
     * @param frame an 8-bit BGR frame; not changed, and free to be released once this returns
     * @throws RuntimeException the failure of the previous analysis, if it failed
     */
    void offer(Mat frame) {
        if (running != null) {
            if (!running.isDone()) {
                return;
            }
            rethrowFailure(running);
        }
        Mat copy = frame.clone();
        running = worker.submit(() -> {
            try (copy) {
                latest = detector.detect(copy);
                analyzed.incrementAndGet();
            }
        });
    }

    /** @return what the last finished analysis found; empty before the first one ends */
    List<Detection> latest() {
        return latest;
    }

    /** @return how many frames have been analyzed */
    long analyzed() {
        return analyzed.get();
    }

    /**
     * Waits for the running analysis to end, then stops the analysis thread.
     *
     * @throws RuntimeException the failure of the last analysis, if it failed
     */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the face analysis did not end within " + CLOSE_TIMEOUT_SECONDS
                        + " s of closing the live loop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (running != null) {
            rethrowFailure(running);
        }
    }

    private static void rethrowFailure(Future<?> done) {
        try {
            done.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("the face analysis failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
