package org.cvkit.face.analysis;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.core.geometry.Keypoint;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.detection.geometry.Iou;

/**
 * Follows the faces of a video or a camera from frame to frame, so that a live loop need not run the landmark and
 * recognition nets on every face of every frame. Every frame goes through the detector. A face whose box overlaps a
 * face of the previous frame by at least the minimum IoU (pairs taken greedily, largest IoU first) continues that
 * face's track and keeps its descriptor; its landmarks and aligned crop move and scale with the box. New faces are
 * analyzed at once. Tracked faces are described again once their description is {@code refreshInterval} frames old,
 * at most {@code ceil(tracked faces / refreshInterval)} of them per frame, oldest first, so that the cost of a frame
 * stays near that of the detector plus a face or two. With an interval of 1 every face is described in every frame,
 * as {@link FaceAnalyzer#analyze(BufferedImage)} does.
 *
 * <p>Not thread-safe: feed it the frames of one source, in order. It does not close the analyzer.
 */
public final class FaceTracker {

    /** Frames a description is kept for unless set otherwise: a third of a second at 30 frames/s. */
    public static final int DEFAULT_REFRESH_INTERVAL = 10;
    /** The least IoU between a face's boxes in consecutive frames unless set otherwise. */
    public static final double DEFAULT_MIN_IOU = 0.3;

    private final FaceAnalyzer analyzer;
    private final int refreshInterval;
    private final double minIou;
    private List<TrackedFace> previous = List.of();
    private int nextTrack;

    /**
     * @param analyzer        detects, aligns and describes the faces
     * @param refreshInterval frames after which a tracked face is described again, at least 1
     * @param minIou          the least IoU of a face's boxes in consecutive frames for them to count as one face,
     *                        in (0, 1]
     * @throws IllegalArgumentException if the interval or the IoU is out of range
     */
    public FaceTracker(FaceAnalyzer analyzer, int refreshInterval, double minIou) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        if (refreshInterval < 1) {
            throw new IllegalArgumentException("the refresh interval must be at least 1 frame but is "
                    + refreshInterval);
        }
        if (!(minIou > 0 && minIou <= 1)) {
            throw new IllegalArgumentException("the minimum IoU must lie in (0, 1] but is " + minIou);
        }
        this.refreshInterval = refreshInterval;
        this.minIou = minIou;
    }

    /**
     * @param analyzer detects, aligns and describes the faces
     * @return a tracker with the default refresh interval and minimum IoU
     */
    public static FaceTracker of(FaceAnalyzer analyzer) {
        return new FaceTracker(analyzer, DEFAULT_REFRESH_INTERVAL, DEFAULT_MIN_IOU);
    }

    /**
     * @param bgr the next frame, 8-bit BGR; it is not changed
     * @return its faces, in the detector's order
     * @throws IllegalArgumentException if the frame is empty or not 8-bit BGR
     */
    public List<TrackedFace> track(Mat bgr) {
        return track(FaceAnalyzer.toImage(bgr));
    }

    /**
     * @param frame the next frame
     * @return its faces, in the detector's order; a face whose detection or aligned crop covers no whole pixel is
     *         left out, as the analyzer leaves it out
     */
    public List<TrackedFace> track(BufferedImage frame) {
        Objects.requireNonNull(frame, "frame");
        ImageSize size = new ImageSize(frame.getWidth(), frame.getHeight());
        List<Detection> detections = analyzer.detector().detect(frame);
        int[] continued = continuedTracks(detections);
        List<Integer> chosen = toDescribe(continued);
        AnalyzedFace[] described = analyzer.analyzeEach(frame, chosen.stream().map(detections::get).toList());
        List<TrackedFace> current = new ArrayList<>(detections.size());
        for (int i = 0; i < detections.size(); i++) {
            int at = chosen.indexOf(i);
            TrackedFace before = continued[i] < 0 ? null : previous.get(continued[i]);
            if (at >= 0 && described[at] != null) {
                current.add(new TrackedFace(before == null ? nextTrack++ : before.track(), described[at], 0));
            } else if (before != null && !CropRect.clipped(detections.get(i).box(), size).isEmpty()) {
                current.add(new TrackedFace(before.track(), follow(before.face(), detections.get(i), size),
                        before.describedFramesAgo() + 1));
            }
        }
        previous = List.copyOf(current);
        return previous;
    }

    /** @return for each detection, the index of the previous frame's face it continues, or -1 for a new face */
    private int[] continuedTracks(List<Detection> detections) {
        int[] continued = new int[detections.size()];
        Arrays.fill(continued, -1);
        if (previous.isEmpty() || detections.isEmpty()) {
            return continued;
        }
        double[][] iou = Iou.matrix(previous.stream().map(face -> face.face().box()).toList(),
                detections.stream().map(Detection::box).toList());
        boolean[] taken = new boolean[previous.size()];
        while (true) {
            int bestBefore = -1;
            int bestNow = -1;
            for (int before = 0; before < previous.size(); before++) {
                for (int now = 0; now < detections.size(); now++) {
                    if (!taken[before] && continued[now] < 0 && iou[before][now] >= minIou
                            && (bestBefore < 0 || iou[before][now] > iou[bestBefore][bestNow])) {
                        bestBefore = before;
                        bestNow = now;
                    }
                }
            }
            if (bestBefore < 0) {
                return continued;
            }
            taken[bestBefore] = true;
            continued[bestNow] = bestBefore;
        }
    }

    /** @return the detections to describe in this frame: every new face, then the stalest due tracked faces */
    private List<Integer> toDescribe(int[] continued) {
        List<Integer> chosen = new ArrayList<>();
        List<Integer> due = new ArrayList<>();
        for (int i = 0; i < continued.length; i++) {
            if (continued[i] < 0) {
                chosen.add(i);
            } else if (previous.get(continued[i]).describedFramesAgo() + 1 >= refreshInterval) {
                due.add(i);
            }
        }
        long tracked = IntStream.of(continued).filter(before -> before >= 0).count();
        long budget = (tracked + refreshInterval - 1) / refreshInterval;
        due.stream()
                .sorted(Comparator.comparingInt((Integer i) -> -previous.get(continued[i]).describedFramesAgo()))
                .limit(budget)
                .forEach(chosen::add);
        return chosen;
    }

    /** @return the face moved and scaled from its old box into the new detection's, with its old descriptor */
    private static AnalyzedFace follow(AnalyzedFace face, Detection detection, ImageSize size) {
        Box from = face.box();
        Box to = detection.box();
        double scaleX = to.width() / from.width();
        double scaleY = to.height() / from.height();
        List<Keypoint> points = face.landmarks().points().stream()
                .map(point -> point.translate(-from.x1(), -from.y1()).scale(scaleX, scaleY).translate(to.x1(), to.y1()))
                .toList();
        Box alignedBox = face.alignedCrop().toBox().translate(-from.x1(), -from.y1()).scale(scaleX, scaleY)
                .translate(to.x1(), to.y1());
        return new AnalyzedFace(to, detection.score(), new FaceLandmarks68(points),
                CropRect.clipped(alignedBox, size), face.descriptor());
    }
}
