package org.cvkit.detection.yolo;

import static org.cvkit.detection.yolo.YoloLayout.BOX_FIELDS;
import static org.cvkit.detection.yolo.YoloLayout.OBJECTNESS;
import static org.cvkit.detection.yolo.YoloLayout.TH;
import static org.cvkit.detection.yolo.YoloLayout.TW;
import static org.cvkit.detection.yolo.YoloLayout.TX;
import static org.cvkit.detection.yolo.YoloLayout.TY;
import static org.cvkit.detection.yolo.YoloLayout.sigmoid;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cvkit.core.geometry.Box;
import org.cvkit.detection.geometry.BoxShape;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.detection.geometry.ImagePlacement;
import org.cvkit.detection.geometry.NmsConfig;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Decodes the output of a YOLOv2 region layer, {@code [N, A * (5 + C), rows, columns]}, as Darknet does: for
 * anchor {@code (pw, ph)} (grid cells) in the cell at {@code (column, row)},
 * {@code x = (column + σ(tx)) / columns}, {@code y = (row + σ(ty)) / rows}, {@code w = pw e^tw / columns},
 * {@code h = ph e^th / rows} (normalized to the network input), objectness {@code σ(to)}, class probabilities
 * the softmax of the class scores, and score {@code objectness * probability}. Every class scoring at least the
 * score threshold gives a candidate; candidates are mapped onto the source image, suppressed per class (on the
 * unclipped boxes) and clipped to the image.
 */
public final class YoloV2Decoder {

    private final YoloV2Head head;
    private final List<String> classNames;

    /**
     * @param head       the region layer's anchors and classes
     * @param classNames one name per class, used as the detections' labels
     * @throws IllegalArgumentException if the number of names is not the head's number of classes
     */
    public YoloV2Decoder(YoloV2Head head, List<String> classNames) {
        this.head = Objects.requireNonNull(head, "head");
        this.classNames = YoloLayout.requireClassNames(classNames, head.numClasses());
    }

    /** @return the region layer's anchors and classes */
    public YoloV2Head head() {
        return head;
    }

    /**
     * Decodes the output for one image.
     *
     * @param output    the region layer's output {@code [1, A * (5 + C), rows, columns]}
     * @param placement how the image was fitted into the network input
     * @param nms       the score threshold and suppression settings
     * @return the detections in source-image pixels, by descending score
     * @throws IllegalArgumentException if the output does not hold one image with the head's channels
     */
    public List<Detection> decode(INDArray output, ImagePlacement placement, NmsConfig nms) {
        return decodeBatch(output, List.of(placement), nms).get(0);
    }

    /**
     * Decodes the output for a batch of images.
     *
     * @param output     the region layer's output {@code [N, A * (5 + C), rows, columns]}
     * @param placements how each image was fitted into the network input, one per image
     * @param nms        the score threshold and suppression settings
     * @return the detections of each image, in source-image pixels, by descending score
     * @throws IllegalArgumentException if the output does not have the head's channels or the placements do not
     *                                  match the images
     */
    public List<List<Detection>> decodeBatch(INDArray output, List<ImagePlacement> placements, NmsConfig nms) {
        Objects.requireNonNull(nms, "nms");
        YoloLayout.requireOnePlacementPerImage(output, placements);
        List<List<Detection>> detections = new ArrayList<>(placements.size());
        for (int image = 0; image < placements.size(); image++) {
            detections.add(decodeImage(output, image, placements.get(image), nms));
        }
        return detections;
    }

    private List<Detection> decodeImage(INDArray output, int image, ImagePlacement placement, NmsConfig nms) {
        double[] planes = YoloLayout.planes(output, image, head.channels(), "a YOLOv2 region layer with "
                + head.anchors().size() + " anchors and " + head.numClasses() + " classes");
        int rows = (int) output.size(2);
        int columns = (int) output.size(3);
        int plane = rows * columns;
        int fields = BOX_FIELDS + head.numClasses();
        double[] probabilities = new double[head.numClasses()];
        List<Detection> candidates = new ArrayList<>();
        for (int a = 0; a < head.anchors().size(); a++) {
            BoxShape anchor = head.anchors().get(a);
            for (int row = 0; row < rows; row++) {
                for (int column = 0; column < columns; column++) {
                    int cell = a * fields * plane + row * columns + column;
                    double objectness = sigmoid(planes[cell + OBJECTNESS * plane]);
                    if (!(objectness >= nms.scoreThreshold())) {
                        continue; // no class can score more than the objectness
                    }
                    double x = (column + sigmoid(planes[cell + TX * plane])) / columns;
                    double y = (row + sigmoid(planes[cell + TY * plane])) / rows;
                    double w = anchor.width() * Math.exp(planes[cell + TW * plane]) / columns;
                    double h = anchor.height() * Math.exp(planes[cell + TH * plane]) / rows;
                    if (YoloLayout.isFinite(x, y, w, h)) {
                        softmax(planes, cell + BOX_FIELDS * plane, plane, probabilities);
                        YoloLayout.addCandidates(Box.fromCentre(x, y, w, h), objectness, probabilities, placement,
                                nms.scoreThreshold(), classNames, candidates);
                    }
                }
            }
        }
        return YoloLayout.suppress(candidates, placement, nms);
    }

    /** The softmax of the class planes at one cell: entries {@code first, first + step, ...}. */
    private static void softmax(double[] planes, int first, int step, double[] probabilities) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < probabilities.length; c++) {
            max = Math.max(max, planes[first + c * step]);
        }
        double sum = 0;
        for (int c = 0; c < probabilities.length; c++) {
            probabilities[c] = Math.exp(planes[first + c * step] - max);
            sum += probabilities[c];
        }
        for (int c = 0; c < probabilities.length; c++) {
            probabilities[c] /= sum;
        }
    }
}
