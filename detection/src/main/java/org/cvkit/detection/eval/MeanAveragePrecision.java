package org.cvkit.detection.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.detection.geometry.GroundTruth;
import org.cvkit.detection.geometry.Iou;

/**
 * Mean average precision over a set of images at one IoU threshold. In each image, detections are taken by
 * descending score and each is matched to the unmatched ground truth of its class with which it has the highest
 * IoU, if that IoU reaches the threshold (a true positive); otherwise it is a false positive, duplicates
 * included. Per class, the detections of all images are then ranked by score (equal scores in image order, then
 * in score order within the image) and summarized by {@link AveragePrecision}. The mean runs over the classes
 * that have ground truths; a class with ground truths but no detections has AP 0, and detections of classes
 * without ground truths are not counted.
 *
 * @param iouThreshold  the IoU a detection needs with a ground truth to match it, in (0, 1]
 * @param interpolation how each class's precision-recall curve is summarized
 */
public record MeanAveragePrecision(double iouThreshold, AveragePrecision.Interpolation interpolation) {

    /** Validates the threshold and the interpolation. */
    public MeanAveragePrecision {
        Objects.requireNonNull(interpolation, "interpolation");
        if (!(iouThreshold > 0 && iouThreshold <= 1)) {
            throw new IllegalArgumentException("the IoU threshold must lie in (0, 1] but is " + iouThreshold
                    + "; the course counts a detection as correct at IoU 0.5");
        }
    }

    /**
     * @param iouThreshold the IoU a detection needs to match, in (0, 1]
     * @return mAP at that IoU with all-point interpolation
     */
    public static MeanAveragePrecision at(double iouThreshold) {
        return new MeanAveragePrecision(iouThreshold, AveragePrecision.Interpolation.ALL_POINTS);
    }

    /**
     * The result of an evaluation.
     *
     * @param mean     the mean of the per-class average precisions
     * @param perClass the average precision of every class that has ground truths, by class index
     */
    public record Result(double mean, SortedMap<Integer, Double> perClass) {

        /** Copies the map. */
        public Result {
            perClass = Collections.unmodifiableSortedMap(new TreeMap<>(perClass));
        }
    }

    /**
     * Evaluates detections against ground truths.
     *
     * @param detections   the detections of each image
     * @param groundTruths the ground truths of each image, in the same order and the same units
     * @return the mean and per-class average precisions
     * @throws IllegalArgumentException if the lists differ in length or there are no ground truths at all
     */
    public Result evaluate(List<List<Detection>> detections, List<List<GroundTruth>> groundTruths) {
        if (detections.size() != groundTruths.size()) {
            throw new IllegalArgumentException("detections are given for " + detections.size()
                    + " images but ground truths for " + groundTruths.size() + "; give both for every image");
        }
        Map<Integer, Integer> truthsPerClass = new TreeMap<>();
        Map<Integer, List<RankedDetection>> rankedPerClass = new TreeMap<>();
        for (int image = 0; image < detections.size(); image++) {
            for (GroundTruth truth : groundTruths.get(image)) {
                truthsPerClass.merge(truth.classIndex(), 1, Integer::sum);
            }
            matchImage(image, detections.get(image), groundTruths.get(image), rankedPerClass);
        }
        if (truthsPerClass.isEmpty()) {
            throw new IllegalArgumentException("mean average precision is undefined without ground truths");
        }
        SortedMap<Integer, Double> perClass = new TreeMap<>();
        for (Map.Entry<Integer, Integer> entry : truthsPerClass.entrySet()) {
            List<RankedDetection> ranked = rankedPerClass.getOrDefault(entry.getKey(), new ArrayList<>());
            ranked.sort(RankedDetection.ORDER);
            boolean[] truePositives = new boolean[ranked.size()];
            for (int i = 0; i < truePositives.length; i++) {
                truePositives[i] = ranked.get(i).truePositive();
            }
            perClass.put(entry.getKey(), AveragePrecision.of(truePositives, entry.getValue(), interpolation));
        }
        double mean = perClass.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return new Result(mean, perClass);
    }

    /** Matches one image's detections greedily by score and files them under their classes. */
    private void matchImage(int image, List<Detection> detections, List<GroundTruth> truths,
                            Map<Integer, List<RankedDetection>> rankedPerClass) {
        List<Detection> byScore = new ArrayList<>(detections);
        byScore.sort(Comparator.comparingDouble(Detection::score).reversed());
        boolean[] matched = new boolean[truths.size()];
        for (int rank = 0; rank < byScore.size(); rank++) {
            Detection detection = byScore.get(rank);
            int best = -1;
            double bestIou = iouThreshold;
            for (int t = 0; t < truths.size(); t++) {
                GroundTruth truth = truths.get(t);
                if (!matched[t] && truth.classIndex() == detection.classIndex()) {
                    double iou = Iou.of(detection.box(), truth.box());
                    if (iou > bestIou || iou == bestIou && best < 0) {
                        best = t;
                        bestIou = iou;
                    }
                }
            }
            if (best >= 0) {
                matched[best] = true;
            }
            rankedPerClass.computeIfAbsent(detection.classIndex(), c -> new ArrayList<>())
                    .add(new RankedDetection(detection.score(), image, rank, best >= 0));
        }
    }

    /** A detection's place in its class's ranking and whether it matched. */
    private record RankedDetection(double score, int image, int rankInImage, boolean truePositive) {

        static final Comparator<RankedDetection> ORDER = Comparator.comparingDouble(RankedDetection::score)
                .reversed().thenComparingInt(RankedDetection::image).thenComparingInt(RankedDetection::rankInImage);
    }
}
