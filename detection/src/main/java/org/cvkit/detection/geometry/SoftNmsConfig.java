package org.cvkit.detection.geometry;

import java.util.Objects;

/**
 * Settings of soft-NMS (Bodla et al., 2017). {@link #linear()} and {@link #gaussian()} give the paper's values.
 *
 * @param decay          how overlapping scores are lowered
 * @param iouThreshold   {@link Decay#LINEAR} only: scores are lowered when the IoU is at least this, in [0, 1]
 * @param sigma          {@link Decay#GAUSSIAN} only: the spread of the Gaussian penalty, positive
 * @param scoreThreshold detections whose (lowered) score falls below this are dropped, in [0, 1]
 * @param classAgnostic  false to work within each class separately, true to work across classes
 */
public record SoftNmsConfig(Decay decay, double iouThreshold, double sigma, double scoreThreshold,
                            boolean classAgnostic) {

    /** How soft-NMS lowers the score {@code s} of a box that overlaps the box just selected by {@code iou}. */
    public enum Decay {
        /** {@code s * (1 - iou)} when {@code iou >= iouThreshold}, otherwise unchanged. */
        LINEAR,
        /** {@code s * exp(-iou² / sigma)} for every box. */
        GAUSSIAN
    }

    /** Validates the decay, the thresholds (in [0, 1]) and sigma (positive and finite). */
    public SoftNmsConfig {
        Objects.requireNonNull(decay, "decay");
        NmsConfig.requireUnitInterval("IoU threshold", iouThreshold);
        NmsConfig.requireUnitInterval("score threshold", scoreThreshold);
        if (!(sigma > 0 && Double.isFinite(sigma))) {
            throw new IllegalArgumentException("soft-NMS sigma must be positive and finite but is " + sigma
                    + "; the paper uses 0.5");
        }
    }

    /** @return linear decay at IoU of at least 0.3, dropping scores below 0.001, per class */
    public static SoftNmsConfig linear() {
        return new SoftNmsConfig(Decay.LINEAR, 0.3, 0.5, 0.001, false);
    }

    /** @return Gaussian decay with sigma 0.5, dropping scores below 0.001, per class */
    public static SoftNmsConfig gaussian() {
        return new SoftNmsConfig(Decay.GAUSSIAN, 0.3, 0.5, 0.001, false);
    }

    /**
     * @param threshold the IoU from which linear decay applies, in [0, 1]
     * @return these settings with another IoU threshold
     */
    public SoftNmsConfig withIouThreshold(double threshold) {
        return new SoftNmsConfig(decay, threshold, sigma, scoreThreshold, classAgnostic);
    }

    /**
     * @param newSigma the Gaussian spread, positive
     * @return these settings with another sigma
     */
    public SoftNmsConfig withSigma(double newSigma) {
        return new SoftNmsConfig(decay, iouThreshold, newSigma, scoreThreshold, classAgnostic);
    }

    /**
     * @param threshold the score below which detections are dropped, in [0, 1]
     * @return these settings with another score threshold
     */
    public SoftNmsConfig withScoreThreshold(double threshold) {
        return new SoftNmsConfig(decay, iouThreshold, sigma, threshold, classAgnostic);
    }

    /**
     * @param agnostic true to work across classes, false per class
     * @return these settings with another class mode
     */
    public SoftNmsConfig withClassAgnostic(boolean agnostic) {
        return new SoftNmsConfig(decay, iouThreshold, sigma, scoreThreshold, agnostic);
    }

    /**
     * The factor a score is multiplied by when its box overlaps the selected box.
     *
     * @param iou the IoU of the two boxes
     * @return the factor in [0, 1]
     */
    public double decayFactor(double iou) {
        return switch (decay) {
            case LINEAR -> iou >= iouThreshold ? 1 - iou : 1;
            case GAUSSIAN -> Math.exp(-iou * iou / sigma);
        };
    }
}
