package org.cvkit.detection.geometry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Soft non-max suppression (Bodla et al., "Soft-NMS: Improving Object Detection With One Line of Code", 2017):
 * instead of dropping the boxes that overlap the best one, lower their scores by a
 * {@link SoftNmsConfig.Decay decay} of the IoU and let them compete again. While boxes remain, the one with the
 * highest current score is output and every other box's score is multiplied by
 * {@link SoftNmsConfig#decayFactor(double)}; boxes whose score falls below the score threshold are dropped.
 * Each selection scans the remaining boxes, so a group of n boxes costs O(n²) comparisons.
 */
public final class SoftNms {

    private SoftNms() {
    }

    /**
     * Rescores and filters detections.
     *
     * @param detections the detections, boxes in any one unit
     * @param config     decay, thresholds and class mode, for example {@link SoftNmsConfig#gaussian()}
     * @return the surviving detections with their lowered scores, by descending score (equal scores in input order)
     */
    public static List<Detection> apply(List<Detection> detections, SoftNmsConfig config) {
        Objects.requireNonNull(detections, "detections");
        Objects.requireNonNull(config, "config");
        Candidates candidates = new Candidates(detections);
        double[] rescored = new double[detections.size()];
        int[] survivors = new int[detections.size()];
        int count = 0;
        for (int[] group : candidates.groups(config.scoreThreshold(), config.classAgnostic())) {
            count = rescoreGroup(candidates, group, config, rescored, survivors, count);
        }
        survivors = Arrays.copyOf(survivors, count);
        ScoreOrder.sort(survivors, rescored, null);
        List<Detection> result = new ArrayList<>(count);
        for (int index : survivors) {
            result.add(detections.get(index).withScore(rescored[index]));
        }
        return result;
    }

    /** Runs soft-NMS on one group; records the new scores and appends the survivors' indices. */
    private static int rescoreGroup(Candidates candidates, int[] group, SoftNmsConfig config, double[] rescored,
                                    int[] survivors, int count) {
        int n = group.length;
        double[][] corners = candidates.corners(group);
        double[] x1 = corners[0];
        double[] y1 = corners[1];
        double[] x2 = corners[2];
        double[] y2 = corners[3];
        double[] scores = new double[n];
        boolean[] remaining = new boolean[n];
        for (int i = 0; i < n; i++) {
            scores[i] = candidates.scores[group[i]];
            remaining[i] = true;
        }
        for (int selected = best(scores, remaining); selected >= 0; selected = best(scores, remaining)) {
            remaining[selected] = false;
            rescored[group[selected]] = scores[selected];
            survivors[count++] = group[selected];
            for (int i = 0; i < n; i++) {
                if (remaining[i]) {
                    double iou = Iou.of(x1[selected], y1[selected], x2[selected], y2[selected],
                            x1[i], y1[i], x2[i], y2[i]);
                    scores[i] *= config.decayFactor(iou);
                    remaining[i] = scores[i] >= config.scoreThreshold();
                }
            }
        }
        return count;
    }

    /** The remaining box with the highest score, the earlier one on ties; -1 when none remains. */
    private static int best(double[] scores, boolean[] remaining) {
        int best = -1;
        for (int i = 0; i < scores.length; i++) {
            if (remaining[i] && (best < 0 || scores[i] > scores[best])) {
                best = i;
            }
        }
        return best;
    }
}
