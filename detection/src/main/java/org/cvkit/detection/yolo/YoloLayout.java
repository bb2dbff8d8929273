package org.cvkit.detection.yolo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.cvkit.core.geometry.Box;
import org.cvkit.detection.geometry.BoxShape;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.detection.geometry.ImagePlacement;
import org.cvkit.detection.geometry.NmsConfig;
import org.cvkit.detection.geometry.NonMaxSuppression;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * What the YOLO decoders share: the Darknet output layout (per anchor, the planes {@code tx, ty, tw, th,
 * objectness} and then one per class), the checks on heads and outputs, and the last steps from decoded boxes
 * to detections.
 */
final class YoloLayout {

    /** Planes per anchor before the class scores: tx, ty, tw, th and objectness. */
    static final int BOX_FIELDS = 5;
    static final int TX = 0;
    static final int TY = 1;
    static final int TW = 2;
    static final int TH = 3;
    static final int OBJECTNESS = 4;

    private YoloLayout() {
    }

    static List<BoxShape> requireAnchors(List<BoxShape> anchors) {
        List<BoxShape> copy = List.copyOf(Objects.requireNonNull(anchors, "anchors"));
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("a YOLO head needs at least one anchor");
        }
        return copy;
    }

    static void requireClasses(int numClasses) {
        if (numClasses < 1) {
            throw new IllegalArgumentException("the number of classes must be positive but is " + numClasses);
        }
    }

    static List<String> requireClassNames(List<String> classNames, int numClasses) {
        List<String> copy = List.copyOf(Objects.requireNonNull(classNames, "classNames"));
        if (copy.size() != numClasses) {
            throw new IllegalArgumentException("the head has " + numClasses + " classes but " + copy.size()
                    + " class names were given");
        }
        return copy;
    }

    static void requireOnePlacementPerImage(INDArray output, List<ImagePlacement> placements) {
        if (output.rank() == 4 && output.size(0) != placements.size()) {
            throw new IllegalArgumentException("the output holds " + output.size(0) + " images but "
                    + placements.size() + " placements were given; give one per image");
        }
    }

    /**
     * The planes of one image of an output {@code [N, channels, rows, columns]}, in row-major order.
     *
     * @throws IllegalArgumentException if the output is not 4-D or has another channel count
     */
    static double[] planes(INDArray output, int image, int channels, String head) {
        if (output.rank() != 4 || output.size(1) != channels) {
            throw new IllegalArgumentException(head + " needs an output [N, " + channels + ", rows, columns] but got "
                    + Arrays.toString(output.shape()) + "; check the anchors and number of classes");
        }
        try (INDArray planes = output.get(NDArrayIndex.point(image), NDArrayIndex.all(), NDArrayIndex.all(),
                NDArrayIndex.all()).dup('c')) {
            return planes.data().asDouble();
        }
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /**
     * Adds a detection for every class whose score, objectness times class probability, reaches the threshold.
     * Boxes that overflow (from huge size logits) are skipped rather than failing the whole image.
     */
    static void addCandidates(Box normalized, double objectness, double[] classProbabilities,
                              ImagePlacement placement, double scoreThreshold, List<String> classNames,
                              List<Detection> candidates) {
        Box source = placement.toSource(normalized);
        for (int c = 0; c < classProbabilities.length; c++) {
            double score = objectness * classProbabilities[c];
            if (score >= scoreThreshold) {
                candidates.add(new Detection(source, c, classNames.get(c), score));
            }
        }
    }

    /** Whether a decoded centre and size describe a box (no overflow or NaN from the logits). */
    static boolean isFinite(double centreX, double centreY, double width, double height) {
        return Double.isFinite(centreX) && Double.isFinite(centreY) && Double.isFinite(width)
                && Double.isFinite(height);
    }

    /** Suppresses duplicates among the candidates on the unclipped boxes, then clips the survivors. */
    static List<Detection> suppress(List<Detection> candidates, ImagePlacement placement, NmsConfig nms) {
        List<Detection> kept = NonMaxSuppression.apply(candidates, nms);
        List<Detection> clipped = new ArrayList<>(kept.size());
        for (Detection detection : kept) {
            clipped.add(detection.withBox(placement.clip(detection.box())));
        }
        return clipped;
    }
}
