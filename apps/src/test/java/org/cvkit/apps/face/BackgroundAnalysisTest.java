package org.cvkit.apps.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.cvkit.core.geometry.Box;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.detection.media.ObjectDetector;
import org.junit.jupiter.api.Test;

class BackgroundAnalysisTest {

    /** Waits at a gate on every frame and reports the frame's blue value as the score of one detection. */
    private static final class GatedDetector implements ObjectDetector {
        private final Set<String> threads = ConcurrentHashMap.newKeySet();
        private volatile CountDownLatch gate = new CountDownLatch(1);
        private volatile int calls;

        @Override
        public List<Detection> detect(Mat image) {
            threads.add(Thread.currentThread().getName());
            calls++;
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            double blue = image.ptr(0, 0).get(0) & 0xff;
            return List.of(new Detection(Box.fromCorners(0, 0, 1, 1), 0, "face", blue / 255));
        }
    }

    private static Mat frame(int blue) {
        return new Mat(4, 4, CV_8UC3, new Scalar(blue, 0, 0, 0));
    }

    @Test
    void analyzesACopyOfAFrameWhenIdleAndLetsFramesPassWhileBusy() throws Exception {
        GatedDetector detector = new GatedDetector();
        try (BackgroundAnalysis analysis = new BackgroundAnalysis(detector)) {
            try (Mat first = frame(51)) {
                analysis.offer(first);
            }
            try (Mat second = frame(102)) {
                analysis.offer(second);
            }
            assertThat(analysis.latest()).isEmpty();

            detector.gate.countDown();
            awaitAnalyzed(analysis, 1);

            assertThat(analysis.latest()).singleElement().satisfies(face ->
                    assertThat(face.score()).isEqualTo(0.2));
            try (Mat third = frame(153)) {
                analysis.offer(third);
            }
            awaitAnalyzed(analysis, 2);
            assertThat(analysis.latest().get(0).score()).isEqualTo(0.6);
        }
        assertThat(detector.calls).isEqualTo(2);
        assertThat(detector.threads).containsExactly("cvkit-live-analysis");
    }

    @Test
    void reportsAFailedAnalysisOnTheNextOfferAndOnClose() throws Exception {
        ObjectDetector failing = image -> {
            throw new IllegalStateException("the net broke");
        };
        BackgroundAnalysis analysis = new BackgroundAnalysis(failing);
        try (Mat frame = frame(0)) {
            analysis.offer(frame);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            assertThatThrownBy(() -> {
                while (System.nanoTime() < deadline) {
                    analysis.offer(frame);
                    Thread.sleep(10);
                }
            }).hasMessage("the net broke");
        }
        assertThatThrownBy(analysis::close).hasMessage("the net broke");
    }

    private static void awaitAnalyzed(BackgroundAnalysis analysis, long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (analysis.analyzed() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(analysis.analyzed()).isEqualTo(count);
    }
}
