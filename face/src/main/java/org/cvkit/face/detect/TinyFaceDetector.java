package org.cvkit.face.detect;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.core.image.LetterboxTransform;
import org.cvkit.detection.geometry.BoxShape;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.detection.geometry.ImagePlacement;
import org.cvkit.detection.geometry.NmsConfig;
import org.cvkit.detection.yolo.YoloV2Decoder;
import org.cvkit.detection.yolo.YoloV2Head;
import org.cvkit.face.tfjs.TfjsLayout;
import org.cvkit.zoo.format.WeightTensor;
import org.cvkit.zoo.format.tfjs.TfjsWeightsReader;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * face-api's {@code TinyFaceDetector} (input size 416) in DL4J: {@link TinyFaceDetectorInput} preprocessing, the
 * network, and YOLOv2 decoding with face-api's 5 anchors, score threshold 0.5 and suppression at IoU 0.4.
 *
 * <p>Boxes are mapped back with the exact scale {@code max(W, H) / 416}; face-api instead rounds the scaled
 * shorter side first, which moves its boxes by up to about 0.2 % along that axis. Boxes are clipped to the
 * image, which face-api does not do.
 */
public final class TinyFaceDetector {

    /** face-api's default settings: score above 0.5, suppression at IoU 0.4. */
    public static final NmsConfig DEFAULT_NMS = new NmsConfig(0.5, 0.4, true);

    /** The anchors (grid cells) of face-api's tiny face detector. */
    static final List<BoxShape> ANCHORS = List.of(new BoxShape(1.603231, 2.094468),
            new BoxShape(6.041143, 7.080126), new BoxShape(2.882459, 3.518061),
            new BoxShape(4.266906, 5.178857), new BoxShape(9.041765, 10.66308));

    private static final int BOX_FIELDS = 5;
    private static final YoloV2Decoder DECODER = new YoloV2Decoder(new YoloV2Head(ANCHORS, 1), List.of("face"));

    private final MultiLayerNetwork network;

    private TinyFaceDetector(MultiLayerNetwork network) {
        this.network = network;
    }

    /**
     * @param manifest {@code tiny_face_detector_model-weights_manifest.json}, its shard beside it
     * @return the detector
     * @throws IOException if the weights cannot be read
     * @throws org.cvkit.zoo.format.ModelFormatException if they are not the tiny face detector's
     */
    public static TinyFaceDetector load(Path manifest) throws IOException {
        return fromWeights(TfjsWeightsReader.read(manifest));
    }

    /**
     * @param weights the dequantized tensors of the tiny face detector, by TF.js name
     * @return the detector
     * @throws org.cvkit.zoo.format.ModelFormatException if a tensor is missing or has the wrong shape
     */
    public static TinyFaceDetector fromWeights(Map<String, WeightTensor> weights) {
        return new TinyFaceDetector(TinyFaceDetectorNetwork.build(Objects.requireNonNull(weights, "weights")));
    }

    /**
     * Runs the network.
     *
     * @param input normalized input {@code [N, 3, 416, 416]}, see {@link TinyFaceDetectorInput#normalize}
     * @return the raw output {@code [N, 25, 13, 13]}: channel {@code anchor * 5 + j} holds tx, ty, tw, th and
     *         the objectness logit for j = 0..4; the caller owns it
     * @throws IllegalArgumentException if the input has another shape
     */
    public INDArray rawOutput(INDArray input) {
        return network.output(TfjsLayout.requireSquareRgbBatch(input, TinyFaceDetectorInput.SIZE, "tiny face detector", "TinyFaceDetectorInput"));
    }

    /**
     * Finds faces with face-api's default settings.
     *
     * @param image any image
     * @return the faces in image pixels, by descending score
     */
    public List<Detection> detect(BufferedImage image) {
        return detect(image, DEFAULT_NMS);
    }

    /**
     * Finds faces.
     *
     * @param image any image
     * @param nms   the score threshold and suppression settings (class mode is irrelevant: one class)
     * @return the faces in image pixels, labelled "face", by descending score
     */
    public List<Detection> detect(BufferedImage image, NmsConfig nms) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(nms, "nms");
        ImageSize source = new ImageSize(image.getWidth(), image.getHeight());
        int size = TinyFaceDetectorInput.SIZE;
        double scale = size / (double) Math.max(source.width(), source.height());
        ImagePlacement placement = ImagePlacement.letterboxed(
                new LetterboxTransform(scale, 0, 0, source, new ImageSize(size, size)));
        try (INDArray input = TinyFaceDetectorInput.normalize(TinyFaceDetectorInput.padAndResize(image));
             INDArray raw = rawOutput(input);
             INDArray region = withFaceClassPlanes(raw)) {
            return DECODER.decode(region, placement, nms);
        }
    }

    /**
     * The raw output in the YOLOv2 region layout with one class: after each anchor's 5 planes comes a zero
     * class-score plane, whose softmax is 1, so a detection's score is its objectness.
     */
    private static INDArray withFaceClassPlanes(INDArray raw) {
        List<INDArray> planes = new ArrayList<>();
        long[] classShape = {raw.size(0), 1, raw.size(2), raw.size(3)};
        for (int anchor = 0; anchor < ANCHORS.size(); anchor++) {
            planes.add(raw.get(NDArrayIndex.all(),
                    NDArrayIndex.interval(anchor * BOX_FIELDS, (anchor + 1) * BOX_FIELDS),
                    NDArrayIndex.all(), NDArrayIndex.all()));
            planes.add(Nd4j.zeros(raw.dataType(), classShape));
        }
        return Nd4j.concat(1, planes.toArray(INDArray[]::new));
    }
}
