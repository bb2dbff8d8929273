package org.cvkit.detection.geometry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Greedy non-max suppression, so that each object is detected once, exactly as the course states it: drop the
 * detections scoring below the score threshold; then, while detections remain, output the best one and drop
 * every remaining one whose IoU with it is at least the IoU threshold. This runs per class unless the settings
 * are class-agnostic.
 *
 * <p>Note that OpenCV's {@code NMSBoxes} drops a box only when the IoU exceeds the threshold; the course (and
 * this class) drop it at equality too. The candidates are sorted once and the suppression scan compares each box
 * only with kept boxes whose centres are near enough to reach the IoU threshold, so 10,000 boxes take milliseconds.
 */
public final class NonMaxSuppression {

    private NonMaxSuppression() {
    }

    /**
     * Suppresses duplicate detections.
     *
     * @param detections the detections, boxes in any one unit
     * @param config     thresholds and class mode, for example {@link NmsConfig#COURSE}
     * @return the kept detections, by descending score (equal scores in input order)
     */
    public static List<Detection> apply(List<Detection> detections, NmsConfig config) {
        int[] kept = keptIndices(detections, config);
        List<Detection> result = new ArrayList<>(kept.length);
        for (int index : kept) {
            result.add(detections.get(index));
        }
        return result;
    }

    /**
     * Suppresses duplicate detections and tells which survive, for callers that keep data beside the list.
     *
     * @param detections the detections, boxes in any one unit
     * @param config     thresholds and class mode
     * @return indices into {@code detections} of the kept ones, by descending score (equal scores by index)
     */
    public static int[] keptIndices(List<Detection> detections, NmsConfig config) {
        Objects.requireNonNull(detections, "detections");
        Objects.requireNonNull(config, "config");
        Candidates candidates = new Candidates(detections);
        int[][] groups = candidates.groups(config.scoreThreshold(), config.classAgnostic());
        int[][] survivors = new int[groups.length][];
        int total = 0;
        for (int g = 0; g < groups.length; g++) {
            survivors[g] = GreedySuppression.survivors(candidates, groups[g], config.iouThreshold());
            total += survivors[g].length;
        }
        int[] kept = new int[total];
        int offset = 0;
        for (int[] group : survivors) {
            System.arraycopy(group, 0, kept, offset, group.length);
            offset += group.length;
        }
        if (groups.length > 1) {
            ScoreOrder.sort(kept, candidates.scores, null);
        }
        return kept;
    }
}
