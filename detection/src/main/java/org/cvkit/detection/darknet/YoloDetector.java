package org.cvkit.detection.darknet;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.core.image.ImageTensorFormat;
import org.cvkit.core.image.ImageTensors;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.detection.geometry.ImagePlacement;
import org.cvkit.detection.geometry.NmsConfig;
import org.cvkit.detection.yolo.YoloV3Decoder;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Detects objects with an imported Darknet YOLO network: the BGR image is stretched to the network input with
 * bilinear interpolation (as OpenCV's {@code blobFromImage} does), converted to RGB in [0, 1], run through the
 * graph, and the raw outputs are decoded by a {@link YoloV3Decoder}, which suppresses duplicates and maps the boxes
 * onto the image. Not thread-safe: a DL4J graph runs one input at a time.
 */
public final class YoloDetector {

    private final DarknetNetwork network;
    private final YoloV3Decoder decoder;

    /**
     * @param network    an imported network
     * @param classNames one name per class the heads predict
     * @throws IllegalArgumentException if the number of names differs from the heads' classes
     */
    public YoloDetector(DarknetNetwork network, List<String> classNames) {
        this.network = Objects.requireNonNull(network, "network");
        this.decoder = new YoloV3Decoder(network.heads(), network.inputSize(), classNames);
    }

    /**
     * Imports a network and reads its class names.
     *
     * @param cfg     the Darknet {@code .cfg} file
     * @param weights the matching {@code .weights} file
     * @param names   a names file, one class name a line (for example {@code coco.names})
     * @return the detector
     * @throws IOException if a file cannot be read
     * @throws org.cvkit.zoo.format.ModelFormatException if the cfg and weights cannot be imported
     * @throws IllegalArgumentException if the names file does not hold one name per class
     */
    public static YoloDetector load(Path cfg, Path weights, Path names) throws IOException {
        return new YoloDetector(DarknetImporter.importNetwork(cfg, weights), readNames(names));
    }

    /**
     * @param names a names file: one class name a line, blank lines ignored, surrounding spaces trimmed
     * @return the names in file order
     * @throws IOException if the file cannot be read
     */
    public static List<String> readNames(Path names) throws IOException {
        return Arrays.stream(Files.readString(names, StandardCharsets.UTF_8).split("\r?\n|\r")).map(String::trim)
                .filter(name -> !name.isEmpty()).toList();
    }

    /** @return the imported network */
    public DarknetNetwork network() {
        return network;
    }

    /**
     * @param image an 8-bit BGR image of any size
     * @return the network input {@code [1, 3, height, width]}: the image stretched bilinearly, RGB in [0, 1]
     * @throws IllegalArgumentException if the image is empty or not 8-bit BGR
     */
    public INDArray preprocess(Mat image) {
        Objects.requireNonNull(image, "image");
        if (image.empty()) {
            throw new IllegalArgumentException("the image Mat is empty; check that the file or frame was read");
        }
        ImageSize input = network.inputSize();
        try (Size size = new Size(input.width(), input.height()); Mat resized = new Mat()) {
            resize(image, resized, size, 0, 0, INTER_LINEAR);
            return ImageTensors.toTensor(resized, ImageTensorFormat.RGB_UNIT);
        }
    }

    /**
     * @param input a network input {@code [N, 3, height, width]}
     * @return the raw outputs feeding each {@code [yolo]} layer, {@code [N, A * (5 + C), rows, columns]}, in head
     *         order; the caller closes them
     */
    public List<INDArray> rawOutputs(INDArray input) {
        return List.of(network.graph().output(false, input));
    }

    /**
     * @param image an 8-bit BGR image of any size
     * @param nms   the score threshold and suppression settings
     * @return the detections in image pixels, by descending score
     * @throws IllegalArgumentException if the image is empty or not 8-bit BGR
     */
    public List<Detection> detect(Mat image, NmsConfig nms) {
        Objects.requireNonNull(nms, "nms");
        List<INDArray> outputs;
        try (INDArray input = preprocess(image)) {
            outputs = rawOutputs(input);
        }
        try {
            return decoder.decode(outputs, ImagePlacement.stretched(new ImageSize(image.cols(), image.rows())), nms);
        } finally {
            outputs.forEach(INDArray::close);
        }
    }
}
