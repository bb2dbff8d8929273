package org.cvkit.detection.train;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.core.image.ImageConversions;
import org.cvkit.core.image.ImageTensorFormat;
import org.cvkit.core.image.ImageTensors;
import org.cvkit.core.io.LoadedModel;
import org.cvkit.core.io.ModelFileException;
import org.cvkit.core.io.ModelIO;
import org.cvkit.core.io.ModelMetadata;
import org.cvkit.core.runtime.LayerHelpers;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.detection.geometry.ImagePlacement;
import org.cvkit.detection.geometry.NmsConfig;
import org.cvkit.detection.media.ObjectDetector;
import org.cvkit.detection.yolo.YoloV2Decoder;
import org.cvkit.detection.yolo.YoloV2Head;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained {@link YoloNetwork} with what it takes to use it: its {@link ModelMetadata} (class names, input size,
 * provenance) and its head (anchors and classes, read from the {@link YoloLoss} in its configuration). As an
 * {@link ObjectDetector} it stretches a BGR image to the network input (as it was trained), converts it to RGB in
 * [0, 1], runs the network, and decodes the raw output with a {@link YoloV2Decoder}: per-class NMS, boxes mapped
 * back to the image's pixels. Saved as a cvkit model zip ({@link ModelIO}), so {@code cvkit detect --model FILE.zip}
 * can {@link #load} it. Not thread-safe: a DL4J network runs one input at a time.
 */
public final class TrainedYolo implements ObjectDetector {

    /** How images become network inputs: RGB levels scaled to [0, 1]. */
    public static final ImageTensorFormat INPUT_FORMAT = ImageTensorFormat.RGB_UNIT;
    /** The suppression {@link #detect(Mat)} uses by default: the course's (scores from 0.6, IoU 0.5, per class). */
    public static final NmsConfig DEFAULT_NMS = NmsConfig.COURSE;

    private final MultiLayerNetwork network;
    private final ModelMetadata metadata;
    private final YoloV2Decoder decoder;
    private final NmsConfig nms;

    /**
     * @param network  a network built from {@link YoloNetwork#configuration}, trained
     * @param metadata its metadata: RGB input of the network's size, one label per class
     * @throws IllegalArgumentException if the network has no {@link YoloLoss} output or the metadata does not fit it
     */
    public TrainedYolo(MultiLayerNetwork network, ModelMetadata metadata) {
        this(network, metadata, DEFAULT_NMS);
    }

    private TrainedYolo(MultiLayerNetwork network, ModelMetadata metadata, NmsConfig nms) {
        this.network = Objects.requireNonNull(network, "network");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.nms = Objects.requireNonNull(nms, "nms");
        YoloV2Head head = headOf(network);
        if (metadata.inputShape().channels() != 3 || !ModelMetadata.RGB.equals(metadata.channelOrder())) {
            throw new IllegalArgumentException("a YOLO network takes RGB input but the metadata says "
                    + metadata.channelOrder() + " with " + metadata.inputShape().channels() + " channel(s)");
        }
        this.decoder = new YoloV2Decoder(head, metadata.labels());
    }

    /**
     * Loads a model saved by {@link #save}.
     *
     * @param file the model zip
     * @return the detector, with {@link #DEFAULT_NMS}
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws ModelFileException                if the file is not a cvkit model or holds no YOLO network
     * @throws IOException                       if reading fails
     */
    public static TrainedYolo load(Path file) throws IOException {
        LayerHelpers.enable();
        LoadedModel<MultiLayerNetwork> loaded = ModelIO.loadMultiLayerNetwork(file);
        try {
            return new TrainedYolo(loaded.model(), loaded.metadata());
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, "holds no usable YOLO network: " + e.getMessage(), e);
        }
    }

    /**
     * Saves the network (without optimizer state) and its metadata as a cvkit model zip, atomically.
     *
     * @param file the file to write; replaced if it exists
     * @throws IOException if writing fails
     */
    public void save(Path file) throws IOException {
        ModelIO.save(network, metadata, file, false);
    }

    /**
     * @param newNms the score threshold and suppression settings
     * @return a detector sharing this one's network, suppressing with the new settings
     */
    public TrainedYolo withNms(NmsConfig newNms) {
        return new TrainedYolo(network, metadata, newNms);
    }

    /** @return the network */
    public MultiLayerNetwork network() {
        return network;
    }

    /** @return the metadata: class names, input size, provenance */
    public ModelMetadata metadata() {
        return metadata;
    }

    /** @return the anchors, in grid cells, and the number of classes */
    public YoloV2Head head() {
        return decoder.head();
    }

    /** @return the class names, by class index */
    public List<String> classNames() {
        return metadata.labels();
    }

    /** @return the network input's width and height */
    public ImageSize inputSize() {
        return new ImageSize(metadata.inputShape().width(), metadata.inputShape().height());
    }

    /** @return the suppression settings of {@link #detect(Mat)} */
    public NmsConfig nms() {
        return nms;
    }

    /**
     * @param image an 8-bit BGR image of any size; left unchanged
     * @return the detections, boxes in the image's pixels, by descending score
     * @throws IllegalArgumentException if the image is empty or not 8-bit BGR
     */
    @Override
    public List<Detection> detect(Mat image) {
        Objects.requireNonNull(image, "image");
        if (image.empty() || image.type() != CV_8UC3) {
            throw new IllegalArgumentException("the detector needs a non-empty 8-bit BGR image (CV_8UC3) but got "
                    + (image.empty() ? "an empty one" : "OpenCV type " + image.type()));
        }
        try (Mat input = toInput(image, inputSize());
             INDArray tensor = ImageTensors.toTensor(input, INPUT_FORMAT);
             INDArray output = network.output(tensor, false)) {
            return decoder.decode(output, ImagePlacement.stretched(new ImageSize(image.cols(), image.rows())), nms);
        }
    }

    /**
     * Detects objects in several images in one batch.
     *
     * @param images images of any size and type (converted to BGR)
     * @param batchNms the score threshold and suppression settings
     * @return the detections of each image, boxes in its pixels, by descending score
     */
    public List<List<Detection>> detect(List<BufferedImage> images, NmsConfig batchNms) {
        Objects.requireNonNull(batchNms, "batchNms");
        if (images.isEmpty()) {
            return List.of();
        }
        List<Mat> inputs = new ArrayList<>(images.size());
        List<ImagePlacement> placements = new ArrayList<>(images.size());
        try {
            for (BufferedImage image : images) {
                try (Mat bgr = ImageConversions.toMat(image)) {
                    inputs.add(toInput(bgr, inputSize()));
                }
                placements.add(ImagePlacement.stretched(new ImageSize(image.getWidth(), image.getHeight())));
            }
            try (INDArray batch = ImageTensors.toBatch(inputs, INPUT_FORMAT);
                 INDArray output = network.output(batch, false)) {
                return decoder.decodeBatch(output, placements, batchNms);
            }
        } finally {
            inputs.forEach(Mat::close);
        }
    }

    /**
     * Stretches an image to the network input, as training and detection both do: area averaging when shrinking,
     * bilinear interpolation when enlarging, a plain copy when the size already fits.
     *
     * @param image an 8-bit image
     * @param size  the network input
     * @return a new image of that size, which the caller closes
     */
    public static Mat toInput(Mat image, ImageSize size) {
        if (image.cols() == size.width() && image.rows() == size.height()) {
            return image.clone();
        }
        boolean shrinking = image.cols() > size.width() || image.rows() > size.height();
        Mat resized = new Mat();
        try (Size target = new Size(size.width(), size.height())) {
            resize(image, resized, target, 0, 0, shrinking ? INTER_AREA : INTER_LINEAR);
        }
        return resized;
    }

    private static YoloV2Head headOf(MultiLayerNetwork network) {
        int last = network.getnLayers() - 1;
        Layer output = last < 0 ? null : network.getLayerWiseConfigurations().getConf(last).getLayer();
        if (output instanceof CnnLossLayer lossLayer && lossLayer.getLossFn() instanceof YoloLoss loss) {
            return loss.head();
        }
        throw new IllegalArgumentException("the network's output layer is not a CnnLossLayer with a YoloLoss;"
                + " build it with YoloNetwork.configuration");
    }
}
