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
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.detection.geometry.BoxShape;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.detection.geometry.ImagePlacement;
import org.cvkit.detection.geometry.NmsConfig;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Decodes the outputs of YOLOv3-style {@code [yolo]} layers, one {@code [N, A * (5 + C), rows, columns]} per
 * scale, as Darknet does: for masked anchor {@code (pw, ph)} (input pixels) in the cell at {@code (column, row)}
 * and {@code s = scale_x_y}, {@code x = (σ(tx) s - (s - 1) / 2 + column) / columns}, likewise y over rows,
 * {@code w = pw e^tw / inputWidth}, {@code h = ph e^th / inputHeight} (normalized to the network input),
 * objectness {@code σ(to)}, class probabilities {@code σ} of each class score (independent, so one box may carry
 * several classes), and score {@code objectness * probability}. Candidates of all scales are mapped onto the
 * source image, suppressed together per class (on the unclipped boxes) and clipped to the image.
 */
public final class YoloV3Decoder {

    private final List<YoloV3Head> heads;
    private final ImageSize networkInput;
    private final List<String> classNames;

    /**
     * @param heads        the output scales, in the order their outputs will be given
     * @param networkInput the network's input size in pixels, the unit of the anchors
     * @param classNames   one name per class, used as the detections' labels
     * @throws IllegalArgumentException if there is no head, the heads disagree on the number of classes, or the
     *                                  number of names differs from it
     */
    public YoloV3Decoder(List<YoloV3Head> heads, ImageSize networkInput, List<String> classNames) {
        this.heads = List.copyOf(Objects.requireNonNull(heads, "heads"));
        this.networkInput = Objects.requireNonNull(networkInput, "networkInput");
        if (this.heads.isEmpty()) {
            throw new IllegalArgumentException("a YOLOv3 decoder needs at least one head");
        }
        int numClasses = this.heads.get(0).numClasses();
        for (YoloV3Head head : this.heads) {
            if (head.numClasses() != numClasses) {
                throw new IllegalArgumentException("all heads must predict the same classes, but one has "
                        + numClasses + " and another " + head.numClasses());
            }
        }
        this.classNames = YoloLayout.requireClassNames(classNames, numClasses);
    }

    /** @return the output scales */
    public List<YoloV3Head> heads() {
        return heads;
    }

    /**
     * Decodes the outputs for one image.
     *
     * @param outputs   one output {@code [1, A * (5 + C), rows, columns]} per head, in head order
     * @param placement how the image was fitted into the network input
     * @param nms       the score threshold and suppression settings
     * @return the detections in source-image pixels, by descending score
     * @throws IllegalArgumentException if the outputs do not match the heads or hold other than one image
     */
    public List<Detection> decode(List<INDArray> outputs, ImagePlacement placement, NmsConfig nms) {
        return decodeBatch(outputs, List.of(placement), nms).get(0);
    }

    /**
     * Decodes the outputs for a batch of images.
     *
     * @param outputs    one output {@code [N, A * (5 + C), rows, columns]} per head, in head order
     * @param placements how each image was fitted into the network input, one per image
     * @param nms        the score threshold and suppression settings
     * @return the detections of each image, in source-image pixels, by descending score
     * @throws IllegalArgumentException if the outputs do not match the heads or the placements the images
     */
    public List<List<Detection>> decodeBatch(List<INDArray> outputs, List<ImagePlacement> placements,
                                             NmsConfig nms) {
        Objects.requireNonNull(nms, "nms");
        if (outputs.size() != heads.size()) {
            throw new IllegalArgumentException("the decoder has " + heads.size() + " heads but " + outputs.size()
                    + " outputs were given; give one output per head, in head order");
        }
        for (INDArray output : outputs) {
            YoloLayout.requireOnePlacementPerImage(output, placements);
        }
        List<List<Detection>> detections = new ArrayList<>(placements.size());
        for (int image = 0; image < placements.size(); image++) {
            ImagePlacement placement = placements.get(image);
            List<Detection> candidates = new ArrayList<>();
            for (int h = 0; h < heads.size(); h++) {
                addCandidates(heads.get(h), outputs.get(h), image, placement, nms.scoreThreshold(), candidates);
            }
            detections.add(YoloLayout.suppress(candidates, placement, nms));
        }
        return detections;
    }

    private void addCandidates(YoloV3Head head, INDArray output, int image, ImagePlacement placement,
                               double scoreThreshold, List<Detection> candidates) {
        double[] planes = YoloLayout.planes(output, image, head.channels(), "a YOLOv3 head with mask "
                + head.mask() + " and " + head.numClasses() + " classes");
        int rows = (int) output.size(2);
        int columns = (int) output.size(3);
        int plane = rows * columns;
        int fields = BOX_FIELDS + head.numClasses();
        double scale = head.scaleXY();
        double shift = (scale - 1) / 2;
        List<BoxShape> anchors = head.maskedAnchors();
        double[] probabilities = new double[head.numClasses()];
        for (int a = 0; a < anchors.size(); a++) {
            BoxShape anchor = anchors.get(a);
            for (int row = 0; row < rows; row++) {
                for (int column = 0; column < columns; column++) {
                    int cell = a * fields * plane + row * columns + column;
                    double objectness = sigmoid(planes[cell + OBJECTNESS * plane]);
                    if (!(objectness >= scoreThreshold)) {
                        continue; // no class can score more than the objectness
                    }
                    double x = (sigmoid(planes[cell + TX * plane]) * scale - shift + column) / columns;
                    double y = (sigmoid(planes[cell + TY * plane]) * scale - shift + row) / rows;
                    double w = anchor.width() * Math.exp(planes[cell + TW * plane]) / networkInput.width();
                    double h = anchor.height() * Math.exp(planes[cell + TH * plane]) / networkInput.height();
                    if (YoloLayout.isFinite(x, y, w, h)) {
                        for (int c = 0; c < probabilities.length; c++) {
                            probabilities[c] = sigmoid(planes[cell + (BOX_FIELDS + c) * plane]);
                        }
                        YoloLayout.addCandidates(Box.fromCentre(x, y, w, h), objectness, probabilities, placement,
                                scoreThreshold, classNames, candidates);
                    }
                }
            }
        }
    }
}
