package org.cvkit.face.analysis;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.core.image.ImageConversions;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.face.describe.FaceRecognitionInput;
import org.cvkit.face.describe.FaceRecognitionNet;
import org.cvkit.face.detect.FaceDetector;
import org.cvkit.face.detect.TinyFaceDetector;
import org.cvkit.face.detect.TinyFaceDetectorOptions;
import org.cvkit.face.gallery.Embedding;
import org.cvkit.face.gallery.EmbeddingSpace;
import org.cvkit.face.landmarks.FaceLandmark68Net;
import org.cvkit.face.landmarks.FaceLandmarkInput;
import org.cvkit.zoo.asset.AssetStore;
import org.cvkit.zoo.format.WeightTensor;
import org.cvkit.zoo.format.tfjs.TfjsWeightsReader;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * face-api's {@code detectAllFaces(...).withFaceLandmarks().withFaceDescriptors()}: finds faces, puts 68 landmarks
 * on each from its detection crop ({@link FaceLandmarks68#fromNetOutput}), cuts the aligned square out
 * ({@link FaceAlignment}) and describes it with the 128-d face recognition net. With the tiny face detector every
 * step follows face-api's tensor path, so on the same pixels the results agree with face-api's to float32
 * rounding.
 *
 * <p>Not thread-safe: the networks keep state while they run. {@link #close()} closes the detector.
 */
public final class FaceAnalyzer implements AutoCloseable {

    /** The space of the descriptors: face-api's recognition net, 128 values; compare them at distance 0.6. */
    public static final EmbeddingSpace DESCRIPTOR_SPACE = new EmbeddingSpace("face-api/face_recognition_model",
            FaceRecognitionNet.DESCRIPTOR_LENGTH);

    private final FaceDetector detector;
    private final FaceLandmark68Net landmarkNet;
    private final FaceRecognitionNet recognitionNet;

    private FaceAnalyzer(FaceDetector detector, FaceLandmark68Net landmarkNet, FaceRecognitionNet recognitionNet) {
        this.detector = Objects.requireNonNull(detector, "detector");
        this.landmarkNet = Objects.requireNonNull(landmarkNet, "landmarkNet");
        this.recognitionNet = Objects.requireNonNull(recognitionNet, "recognitionNet");
    }

    /**
     * @param detector       finds the faces; closed with this analyzer
     * @param landmarkNet    face-api's landmark net
     * @param recognitionNet face-api's recognition net
     * @return the analyzer
     */
    public static FaceAnalyzer of(FaceDetector detector, FaceLandmark68Net landmarkNet,
                                  FaceRecognitionNet recognitionNet) {
        return new FaceAnalyzer(detector, landmarkNet, recognitionNet);
    }

    /**
     * Loads face-api's three networks from the zoo, with the tiny face detector at face-api's default options.
     *
     * @param store where the weights come from
     * @return the analyzer
     * @throws IOException if the weights cannot be read
     * @throws org.cvkit.zoo.asset.AssetException if the zoo cannot provide them
     */
    public static FaceAnalyzer load(AssetStore store) throws IOException {
        return load(store, TinyFaceDetectorOptions.DEFAULT);
    }

    /**
     * Loads face-api's three networks from the zoo.
     *
     * @param store   where the weights come from
     * @param options the tiny face detector's input size and score threshold
     * @return the analyzer
     * @throws IOException if the weights cannot be read
     * @throws org.cvkit.zoo.asset.AssetException if the zoo cannot provide them
     */
    public static FaceAnalyzer load(AssetStore store, TinyFaceDetectorOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        return new FaceAnalyzer(
                TinyFaceDetector.fromWeights(weights(store, "tiny_face_detector_model")).withOptions(options),
                FaceLandmark68Net.fromWeights(weights(store, "face_landmark_68_model")),
                FaceRecognitionNet.fromWeights(weights(store, "face_recognition_model")));
    }

    /** @return the detector that finds the faces */
    public FaceDetector detector() {
        return detector;
    }

    /**
     * @param other another detector, e.g. a Haar cascade or the tiny face detector with other options
     * @return an analyzer that finds faces with it and shares this one's networks; it closes {@code other}
     */
    public FaceAnalyzer withDetector(FaceDetector other) {
        return new FaceAnalyzer(other, landmarkNet, recognitionNet);
    }

    /**
     * Reads an image file with OpenCV (which turns photos upright by their EXIF orientation) and analyzes it.
     *
     * @param file a JPEG, PNG, BMP, TIFF, WebP or other image OpenCV reads
     * @return the faces, in the detector's order (by descending score)
     * @throws NoSuchFileException if there is no such file
     * @throws IOException         if it cannot be read or is not an image OpenCV can decode
     */
    public List<AnalyzedFace> analyze(Path file) throws IOException {
        return analyze(read(file));
    }

    /**
     * @param bgr an 8-bit BGR image (CV_8UC3), as OpenCV reads and grabs them; it is not changed
     * @return the faces, in the detector's order (by descending score)
     * @throws IllegalArgumentException if the image is empty or not 8-bit BGR
     */
    public List<AnalyzedFace> analyze(Mat bgr) {
        return analyze(toImage(bgr));
    }

    /**
     * Finds, aligns and describes the faces in an image. A face whose detection or aligned crop covers no whole
     * pixel of the image is left out.
     *
     * @param image any image; its RGB values are read with {@link BufferedImage#getRGB}
     * @return the faces, in the detector's order (by descending score)
     */
    public List<AnalyzedFace> analyze(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        return analyze(image, detector.detect(image));
    }

    /**
     * Aligns and describes faces found in an image, by this analyzer's detector or another. The landmark net and the
     * recognition net each run once, on all the faces as one batch. A face whose detection or aligned crop covers
     * no whole pixel of the image is left out.
     *
     * @param image      the image the faces were found in
     * @param detections the faces
     * @return the analyzed faces, in the order of the detections
     */
    public List<AnalyzedFace> analyze(BufferedImage image, List<Detection> detections) {
        return Arrays.stream(analyzeEach(image, detections)).filter(Objects::nonNull).toList();
    }

    /** @return the analysis of each detection, in order, or null where a detection or its aligned crop is empty */
    AnalyzedFace[] analyzeEach(BufferedImage image, List<Detection> detections) {
        Objects.requireNonNull(image, "image");
        ImageSize size = new ImageSize(image.getWidth(), image.getHeight());
        List<Placed> placed = IntStream.range(0, detections.size())
                .mapToObj(i -> new Placed(i, detections.get(i), CropRect.clipped(detections.get(i).box(), size)))
                .filter(face -> !face.crop().isEmpty())
                .toList();
        List<Aligned> aligned = align(image, size, placed);
        List<Embedding> descriptors = describe(aligned.stream().map(face -> face.crop().cut(image)).toList());
        AnalyzedFace[] faces = new AnalyzedFace[detections.size()];
        for (int i = 0; i < aligned.size(); i++) {
            Aligned face = aligned.get(i);
            Detection detection = face.placed().detection();
            faces[face.placed().index()] = new AnalyzedFace(detection.box(), detection.score(), face.landmarks(),
                    face.crop(), descriptors.get(i));
        }
        return faces;
    }

    /** @return the placed faces whose landmarks give an aligned crop that covers a pixel, with those landmarks */
    private List<Aligned> align(BufferedImage image, ImageSize size, List<Placed> placed) {
        float[][] outputs = landmarkOutputs(placed.stream().map(face -> face.crop().cut(image)).toList());
        List<Aligned> aligned = new ArrayList<>(placed.size());
        for (int i = 0; i < placed.size(); i++) {
            Placed face = placed.get(i);
            Box box = face.detection().box();
            FaceLandmarks68 landmarks = FaceLandmarks68.fromNetOutput(outputs[i], face.crop(), box.x1(), box.y1());
            CropRect crop = FaceAlignment.alignedCrop(landmarks, face.crop(), size);
            if (!crop.isEmpty()) {
                aligned.add(new Aligned(face, landmarks, crop));
            }
        }
        return aligned;
    }

    /** A detection to analyze: its position among the detections, and its crop of the image. */
    private record Placed(int index, Detection detection, CropRect crop) {
    }

    /** A placed face with its landmarks and aligned crop, to be described. */
    private record Aligned(Placed placed, FaceLandmarks68 landmarks, CropRect crop) {
    }

    /**
     * Describes a face crop as face-api's {@code computeFaceDescriptor} does: a centred zero pad to a square, a
     * resize to 150 x 150 and the recognition net.
     *
     * @param crop the face, e.g. {@link AnalyzedFace#alignedCrop()} cut out of its image
     * @return the 128-d descriptor
     */
    public Embedding describe(BufferedImage crop) {
        return describe(List.of(crop)).get(0);
    }

    /**
     * Describes face crops as {@link #describe(BufferedImage)} does, in one batch through the recognition net.
     *
     * @param crops the faces, any number
     * @return their 128-d descriptors, in order
     */
    public List<Embedding> describe(List<BufferedImage> crops) {
        if (crops.isEmpty()) {
            return List.of();
        }
        try (INDArray input = batch(crops, FaceRecognitionInput::fromCrop);
             INDArray descriptors = recognitionNet.descriptors(input)) {
            List<Embedding> embeddings = new ArrayList<>(crops.size());
            for (float[] row : descriptors.toFloatMatrix()) {
                embeddings.add(Embedding.of(row));
            }
            return embeddings;
        }
    }

    /**
     * Reads and analyzes an image that must show exactly one face, e.g. a photo to enrol a person from.
     *
     * @param file the image file
     * @return its one face
     * @throws FaceCountException if it shows no face or several
     * @throws IOException        as {@link #analyze(Path)} does
     */
    public AnalyzedFace analyzeSingle(Path file) throws IOException {
        return requireSingle(analyze(file), file.toString());
    }

    /**
     * Analyzes an image that must show exactly one face, e.g. a camera frame to verify.
     *
     * @param bgr an 8-bit BGR image
     * @return its one face
     * @throws FaceCountException       if it shows no face or several
     * @throws IllegalArgumentException as {@link #analyze(Mat)} does
     */
    public AnalyzedFace analyzeSingle(Mat bgr) {
        return requireSingle(analyze(bgr), "the image");
    }

    /**
     * @param faces  the faces found in an image
     * @param source the image, for the message (a file name, "the frame", ...)
     * @return the one face
     * @throws FaceCountException if there is no face or more than one
     */
    public static AnalyzedFace requireSingle(List<AnalyzedFace> faces, String source) {
        if (faces.size() != 1) {
            throw new FaceCountException(faces.size(), source);
        }
        return faces.get(0);
    }

    /** Closes the detector. */
    @Override
    public void close() {
        detector.close();
    }

    /** @return the landmark net's raw output for each crop, from one batch */
    private float[][] landmarkOutputs(List<BufferedImage> crops) {
        if (crops.isEmpty()) {
            return new float[0][];
        }
        try (INDArray input = batch(crops, FaceLandmarkInput::fromCrop);
             INDArray output = landmarkNet.rawOutput(input)) {
            return output.toFloatMatrix();
        }
    }

    /** @return the crops' network inputs stacked along the batch axis; the caller owns the batch */
    private static INDArray batch(List<BufferedImage> crops, Function<BufferedImage, INDArray> prepare) {
        INDArray[] inputs = crops.stream().map(prepare).toArray(INDArray[]::new);
        if (inputs.length == 1) {
            return inputs[0];
        }
        try {
            return Nd4j.concat(0, inputs);
        } finally {
            for (INDArray input : inputs) {
                input.close();
            }
        }
    }

    /**
     * @param bgr an 8-bit BGR image (CV_8UC3)
     * @return a copy of its pixels
     * @throws IllegalArgumentException if the image is empty or not 8-bit BGR
     */
    static BufferedImage toImage(Mat bgr) {
        Objects.requireNonNull(bgr, "bgr");
        if (bgr.empty()) {
            throw new IllegalArgumentException("the image is empty; check that the file or camera frame was read");
        }
        if (bgr.type() != CV_8UC3) {
            throw new IllegalArgumentException("the image must be 8-bit BGR (CV_8UC3) but has " + bgr.channels()
                    + " channel(s) of OpenCV type " + bgr.type() + "; convert it with cvtColor first");
        }
        return ImageConversions.toBufferedImage(bgr);
    }

    private static BufferedImage read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such image file");
        }
        try (Mat image = imread(file.toString(), IMREAD_COLOR)) {
            if (image.empty()) {
                throw new IOException("cannot read " + file + " as an image; OpenCV reads JPEG, PNG, BMP, TIFF, "
                        + "WebP and other common formats, so the file is unreadable, corrupt or of another kind");
            }
            return ImageConversions.toBufferedImage(image);
        }
    }

    private static Map<String, WeightTensor> weights(AssetStore store, String model) throws IOException {
        Path manifest = store.resolve(model + "-weights_manifest.json");
        Path shard = store.resolve(model + ".bin");
        return TfjsWeightsReader.read(manifest, path -> shard);
    }
}
