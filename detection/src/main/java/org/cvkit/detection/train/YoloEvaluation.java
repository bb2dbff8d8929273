package org.cvkit.detection.train;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cvkit.detection.dataset.DetectionDataset;
import org.cvkit.detection.dataset.DetectionSample;
import org.cvkit.detection.eval.MeanAveragePrecision;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.detection.geometry.GroundTruth;
import org.cvkit.detection.geometry.NmsConfig;

/**
 * Measures a {@link TrainedYolo} on held-out images: decode, per-class NMS and mean average precision at one IoU.
 * Average precision summarizes the whole ranking of detections, so detections are kept from a low score of
 * {@value #SCORE_THRESHOLD} (as PASCAL VOC and COCO evaluations do) rather than from the display threshold.
 */
public final class YoloEvaluation {

    /** The lowest score kept for the ranking. */
    public static final double SCORE_THRESHOLD = 0.01;
    /** The IoU of the course's suppression, and of PASCAL VOC's mAP@0.5. */
    public static final double IOU = 0.5;
    /** Images per network batch. */
    private static final int BATCH = 64;

    private YoloEvaluation() {
    }

    /**
     * @param model   the detector
     * @param heldOut images and ground truths not trained on, with the model's classes
     * @return mAP@0.5 and the average precision of every class
     * @throws IllegalArgumentException if the data set's class names differ from the model's or it has no objects
     */
    public static DetectionScores evaluate(TrainedYolo model, DetectionDataset heldOut) {
        if (!heldOut.classNames().equals(model.classNames())) {
            throw new IllegalArgumentException("the held-out classes " + heldOut.classNames() + " differ from the"
                    + " model's " + model.classNames());
        }
        NmsConfig nms = new NmsConfig(SCORE_THRESHOLD, IOU, false);
        List<List<Detection>> detections = new ArrayList<>();
        List<List<GroundTruth>> truths = new ArrayList<>();
        List<DetectionSample> samples = heldOut.samples();
        for (int from = 0; from < samples.size(); from += BATCH) {
            List<DetectionSample> batch = samples.subList(from, Math.min(samples.size(), from + BATCH));
            List<BufferedImage> images = batch.stream().map(DetectionSample::image).toList();
            detections.addAll(model.detect(images, nms));
            batch.forEach(sample -> truths.add(sample.objects()));
        }
        MeanAveragePrecision.Result result = MeanAveragePrecision.at(IOU).evaluate(detections, truths);
        Map<String, Double> byName = new LinkedHashMap<>();
        result.perClass().forEach((classIndex, ap) -> byName.put(model.classNames().get(classIndex), ap));
        return new DetectionScores(IOU, result.mean(), byName, samples.size(), heldOut.objectCount());
    }
}
