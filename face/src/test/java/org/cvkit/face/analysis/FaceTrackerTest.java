package org.cvkit.face.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.core.geometry.Keypoint;
import org.cvkit.core.image.ImageConversions;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.face.detect.FaceDetector;
import org.cvkit.zoo.SharedAssets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tracker on sample3's three faces, with a detector that replays scripted detections frame by frame (the tiny
 * face detector's, moved or dropped), so that each frame's faces are known.
 */
class FaceTrackerTest {

    private static FaceAnalyzer analyzer;
    private static BufferedImage photo;
    private static List<Detection> faces;

    @BeforeAll
    static void analyzeTheGroupPhoto() throws IOException {
        analyzer = FaceAnalyzer.load(SharedAssets.store());
        try (Mat image = imread(SharedAssets.resolve("sample3.jpg").toString(), IMREAD_COLOR)) {
            photo = ImageConversions.toBufferedImage(image);
        }
        faces = analyzer.detector().detect(photo);
        assertThat(faces).hasSize(3);
    }

    @AfterAll
    static void closeAnalyzer() {
        analyzer.close();
    }

    @Test
    void describesEveryFaceOfEveryFrameWithARefreshIntervalOfOne() {
        ScriptedDetector detector = new ScriptedDetector(faces, faces, faces);
        List<AnalyzedFace> alone = analyzer.analyze(photo);
        try (FaceAnalyzer scripted = analyzer.withDetector(detector)) {
            FaceTracker tracker = new FaceTracker(scripted, 1, FaceTracker.DEFAULT_MIN_IOU);

            for (int frame = 0; frame < 3; frame++) {
                List<TrackedFace> tracked = tracker.track(photo);

                assertThat(tracked).extracting(TrackedFace::track).containsExactly(0, 1, 2);
                assertThat(tracked).extracting(TrackedFace::describedFramesAgo).containsOnly(0);
                assertThat(tracked).extracting(TrackedFace::face).isEqualTo(alone);
            }
        }
    }

    /**
     * With an interval of 3 and three faces, one face (the one described longest ago) is described again in each
     * frame once the first descriptions are 3 frames old; after two frames of catching up the descriptions are 0, 1
     * and 2 frames old in every frame.
     */
    @Test
    void describesTheStalestTrackedFacesAgainWithinABudgetPerFrame() {
        int frames = 12;
        ScriptedDetector detector = new ScriptedDetector(Collections.nCopies(frames, faces));
        try (FaceAnalyzer scripted = analyzer.withDetector(detector)) {
            FaceTracker tracker = new FaceTracker(scripted, 3, FaceTracker.DEFAULT_MIN_IOU);
            List<AnalyzedFace> alone = analyzer.analyze(photo);

            for (int frame = 0; frame < frames; frame++) {
                List<TrackedFace> tracked = tracker.track(photo);

                assertThat(tracked).extracting(TrackedFace::track).containsExactly(0, 1, 2);
                assertThat(tracked).extracting(face -> face.face().descriptor())
                        .isEqualTo(alone.stream().map(AnalyzedFace::descriptor).toList());
                List<Integer> ages = tracked.stream().map(TrackedFace::describedFramesAgo).toList();
                if (frame < 3) {
                    assertThat(ages).containsOnly(frame);
                } else if (frame < 5) {
                    assertThat(ages).containsOnlyOnce(0).allMatch(age -> age <= 5);
                } else {
                    assertThat(ages).containsExactlyInAnyOrder(0, 1, 2);
                }
            }
        }
    }

    /** A followed face keeps its descriptor; its landmarks and aligned crop move and scale with its box. */
    @Test
    void movesTheLandmarksOfAFollowedFaceWithItsBox() {
        Detection first = faces.get(0);
        Detection moved = new Detection(first.box().translate(-first.box().x1(), -first.box().y1()).scale(1.1, 1.1)
                .translate(first.box().x1() + 12, first.box().y1() - 8), 0, first.label(), 0.9);
        ScriptedDetector detector = new ScriptedDetector(List.of(first), List.of(moved));
        try (FaceAnalyzer scripted = analyzer.withDetector(detector)) {
            FaceTracker tracker = FaceTracker.of(scripted);
            AnalyzedFace before = tracker.track(photo).get(0).face();

            TrackedFace after = tracker.track(photo).get(0);

            assertThat(after.track()).isZero();
            assertThat(after.describedFramesAgo()).isEqualTo(1);
            assertThat(after.face().descriptor()).isEqualTo(before.descriptor());
            assertThat(after.face().box()).isEqualTo(moved.box());
            assertThat(after.face().score()).isEqualTo(0.9);
            for (int i = 0; i < FaceLandmarks68.COUNT; i++) {
                Keypoint from = before.landmarks().points().get(i);
                Keypoint to = after.face().landmarks().points().get(i);
                assertThat(to.x()).isCloseTo(first.box().x1() + 12 + (from.x() - first.box().x1()) * 1.1,
                        within(1e-9));
                assertThat(to.y()).isCloseTo(first.box().y1() - 8 + (from.y() - first.box().y1()) * 1.1,
                        within(1e-9));
            }
            CropRect crop = before.alignedCrop();
            assertThat(after.face().alignedCrop().width()).isCloseTo((int) (crop.width() * 1.1), within(2));
        }
    }

    /** A face that leaves ends its track; a face that comes, or comes back, starts a new one and is described. */
    @Test
    void givesANewTrackToAFaceThatAppears() {
        ScriptedDetector detector = new ScriptedDetector(faces.subList(0, 2), faces.subList(1, 3),
                List.of(), faces.subList(1, 2));
        try (FaceAnalyzer scripted = analyzer.withDetector(detector)) {
            FaceTracker tracker = FaceTracker.of(scripted);

            assertThat(tracker.track(photo)).extracting(TrackedFace::track).containsExactly(0, 1);
            List<TrackedFace> second = tracker.track(photo);
            assertThat(second).extracting(TrackedFace::track).containsExactly(1, 2);
            assertThat(second).extracting(TrackedFace::describedFramesAgo).containsExactly(1, 0);
            assertThat(tracker.track(photo)).isEmpty();
            assertThat(tracker.track(photo)).extracting(TrackedFace::track).containsExactly(3);
        }
    }

    @Test
    void rejectsARefreshIntervalOrIouOutOfRange() {
        assertThatThrownBy(() -> new FaceTracker(analyzer, 0, 0.3)).hasMessageContaining("at least 1 frame");
        assertThatThrownBy(() -> new FaceTracker(analyzer, 5, 0)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> new FaceTracker(analyzer, 5, 1.5)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> FaceTracker.of(analyzer).track(new Mat())).hasMessageContaining("empty");
    }

    /** Replays a list of detections per frame. */
    private static final class ScriptedDetector implements FaceDetector {

        private final Deque<List<Detection>> frames;

        @SafeVarargs
        ScriptedDetector(List<Detection>... frames) {
            this(List.of(frames));
        }

        ScriptedDetector(List<List<Detection>> frames) {
            this.frames = new ArrayDeque<>(frames);
        }

        @Override
        public List<Detection> detect(BufferedImage image) {
            return frames.removeFirst();
        }

        @Override
        public void close() {
        }
    }
}
