package org.cvkit.face.detect;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cvkit.core.geometry.ImageSize;
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
 * face-api's {@code TinyFaceDetector} in DL4J: {@link TinyFaceDetectorInput} preprocessing, the network, and
 * YOLOv2 decoding with face-api's 5 anchors, a score threshold (0.5 by default) and suppression at IoU 0.4.
 *
 * <p>Boxes are mapped back to the image as face-api maps them: the image fills {@code round(W * s)} x
 * {@code round(H * s)} pixels of the input, {@code s = inputSize / max(W, H)}, and a box is scaled from those
 * rounded pixels to the image (so along the shorter side the factor is not exactly {@code 1 / s}). Unlike
 * face-api, boxes are clipped to the image.
 */
public final class TinyFaceDetector implements FaceDetector {

    /** The anchors (grid cells) of face-api's tiny face detector. */
    static final List<BoxShape> ANCHORS = List.of(new BoxShape(1.603231, 2.094468),
            new BoxShape(6.041143, 7.080126), new BoxShape(2.882459, 3.518061),
            new BoxShape(4.266906, 5.178857), new BoxShape(9.041765, 10.66308));

    /** face-api's default settings: score above 0.5, suppression at IoU 0.4. */
    public static final NmsConfig DEFAULT_NMS = new NmsConfig(0.5, 0.4, true);

    private static final int BOX_FIELDS = 5;
    private static final YoloV2Decoder DECODER = new YoloV2Decoder(new YoloV2Head(ANCHORS, 1), List.of("face"));

    private final MultiLayerNetwork network;
    private final TinyFaceDetectorOptions options;

    private TinyFaceDetector(MultiLayerNetwork network, TinyFaceDetectorOptions options) {
        this.network = network;
        this.options = options;
    }

    /**
     * @param manifest {@code tiny_face_detector_model-weights_manifest.json}, its shard beside it
     * @return the detector with face-api's default options
     * @throws IOException if the weights cannot be read
     * @throws org.cvkit.zoo.format.ModelFormatException if they are not the tiny face detector's
     */
    public static TinyFaceDetector load(Path manifest) throws IOException {
        return fromWeights(TfjsWeightsReader.read(manifest));
    }

    /**
     * @param weights the dequantized tensors of the tiny face detector, by TF.js name
     * @return the detector with face-api's default options
     * @throws org.cvkit.zoo.format.ModelFormatException if a tensor is missing or has the wrong shape
     */
    public static TinyFaceDetector fromWeights(Map<String, WeightTensor> weights) {
        return new TinyFaceDetector(TinyFaceDetectorNetwork.build(Objects.requireNonNull(weights, "weights")),
                TinyFaceDetectorOptions.DEFAULT);
    }

    /** @return the input size and score threshold that {@link #detect} uses */
    public TinyFaceDetectorOptions options() {
        return options;
    }

    /**
     * @param newOptions the input size and score threshold
     * @return a detector with these options that shares this one's network (so neither is thread-safe)
     */
    public TinyFaceDetector withOptions(TinyFaceDetectorOptions newOptions) {
        return new TinyFaceDetector(network, Objects.requireNonNull(newOptions, "newOptions"));
    }

    /**
     * Runs the network.
     *
     * @param input normalized input {@code [N, 3, S, S]}, S a multiple of 32, see
     *              {@link TinyFaceDetectorInput#normalize(float[], int)}
     * @return the raw output {@code [N, 25, S / 32, S / 32]}: channel {@code anchor * 5 + j} holds tx, ty, tw, th
     *         and the objectness logit for j = 0..4; the caller owns it
     * @throws IllegalArgumentException if the input has another shape
     */
    public INDArray rawOutput(INDArray input) {
        Objects.requireNonNull(input, "input");
        long side = input.rank() == 4 ? input.size(2) : 0;
        if (side < TinyFaceDetectorOptions.STRIDE || side % TinyFaceDetectorOptions.STRIDE != 0) {
            throw new IllegalArgumentException("the tiny face detector needs an input [N, 3, S, S] with S a multiple "
                    + "of 32 (416 by default) but got " + Arrays.toString(input.shape())
                    + "; prepare it with TinyFaceDetectorInput");
        }
        return network.output(TfjsLayout.requireSquareRgbBatch(input, (int) side, "tiny face detector",
                "TinyFaceDetectorInput"));
    }

    /**
     * Finds faces with this detector's {@link #options()} and face-api's suppression at IoU 0.4.
     *
     * @param image any image
     * @return the faces in image pixels, clipped to the image, labelled "face", by descending score
     */
    @Override
    public List<Detection> detect(BufferedImage image) {
        return detect(image, DEFAULT_NMS.withScoreThreshold(options.scoreThreshold()));
    }

    /**
     * Finds faces with this detector's input size and other thresholds.
     *
     * @param image any image
     * @param nms   the score threshold and suppression settings (class mode is irrelevant: one class)
     * @return the faces in image pixels, clipped to the image, labelled "face", by descending score
     */
    public List<Detection> detect(BufferedImage image, NmsConfig nms) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(nms, "nms");
        int size = options.inputSize();
        ImageSize source = new ImageSize(image.getWidth(), image.getHeight());
        double scale = size / (double) Math.max(source.width(), source.height());
        double toSourceX = source.width() / (double) Math.max(1, Math.round(source.width() * scale));
        double toSourceY = source.height() / (double) Math.max(1, Math.round(source.height() * scale));
        List<Detection> inInput;
        try (INDArray input = TinyFaceDetectorInput.normalize(TinyFaceDetectorInput.padAndResize(image, size), size);
             INDArray raw = rawOutput(input);
             INDArray region = withFaceClassPlanes(raw)) {
            inInput = DECODER.decode(region, ImagePlacement.stretched(new ImageSize(size, size)), nms);
        }
        List<Detection> faces = new ArrayList<>(inInput.size());
        for (Detection face : inInput) {
            faces.add(face.withBox(face.box().scale(toSourceX, toSourceY).clip(source)));
        }
        return faces;
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
