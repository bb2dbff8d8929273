package org.cvkit.face.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.core.geometry.Keypoint;
import org.cvkit.core.image.ImageConversions;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.face.FaceApiReference;
import org.cvkit.face.describe.FaceRecognitionNet;
import org.cvkit.face.detect.TinyFaceDetector;
import org.cvkit.face.detect.TinyFaceDetectorOptions;
import org.cvkit.face.gallery.DistanceMetric;
import org.cvkit.face.gallery.Embedding;
import org.cvkit.face.landmarks.FaceLandmark68Net;
import org.cvkit.zoo.SharedAssets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link FaceAnalyzer} against the original face-api 1.7.15 (pure-JS TensorFlow.js backend), photo by photo, on
 * the fixtures {@code src/test/node/generate-fixtures.js} made (see the README there).
 *
 * <p>On the same pixels (OpenCV's decoding, fed to face-api as a tensor) the port agrees to float32 rounding:
 * measured at most 6.2e-5 px on boxes, 7.7e-5 px on landmarks, the same whole-pixel crops for all 20 faces, and
 * 4.3e-7 per descriptor value. The bounds below leave a margin of 10 or more for other CPUs. Two correct TF.js
 * backends (cpu and wasm) differ by as much (shared references: 6.5e-4 px on boxes, 4.2e-7 on descriptors).
 *
 * <p>face-api on jpeg-js pixels shows what the JPEG decoder alone changes (jpeg-js and OpenCV disagree on 45-56 %
 * of the samples, by 0.5-0.7 levels on average and up to 34): boxes move up to 1.7 px, a face's landmarks on average up to 1.7 px (4.6 px for the weakest face,
 * sample6's fifth, score 0.54) and descriptors up to 0.14 (euclidean), far below face-api's match threshold 0.6.
 */
class FaceApiAgreementTest {

    private static final double BOX_TOLERANCE_PX = 1e-3;
    private static final double SCORE_TOLERANCE = 1e-5;
    private static final double LANDMARK_TOLERANCE_PX = 1e-3;
    private static final double DESCRIPTOR_TOLERANCE = 1e-4;
    private static final double DECODER_BOX_TOLERANCE_PX = 2;
    private static final double DECODER_MEAN_LANDMARK_TOLERANCE_PX = 5;
    private static final double DECODER_DESCRIPTOR_DISTANCE = 0.15;

    private static final FaceApiFixture SAME_PIXELS = FaceApiFixture.read(FaceApiFixture.OPENCV_PIXELS);
    private static final FaceApiFixture JPEG_JS_PIXELS = FaceApiFixture.read(FaceApiFixture.JPEG_JS_PIXELS);
    private static final Map<String, BufferedImage> IMAGES = new HashMap<>();
    private static final Map<String, List<AnalyzedFace>> FACES = new HashMap<>();

    private static TinyFaceDetector detector;
    private static FaceAnalyzer analyzer;

    @BeforeAll
    static void analyzeThePhotos() throws IOException {
        detector = TinyFaceDetector.fromWeights(FaceApiReference.weights("tiny_face_detector_model"));
        analyzer = FaceAnalyzer.of(detector,
                FaceLandmark68Net.fromWeights(FaceApiReference.weights("face_landmark_68_model")),
                FaceRecognitionNet.fromWeights(FaceApiReference.weights("face_recognition_model")));
        for (FaceApiFixture.Photo photo : SAME_PIXELS.photos()) {
            try (Mat image = imread(SharedAssets.resolve(photo.file()).toString(), IMREAD_COLOR)) {
                IMAGES.put(photo.file(), ImageConversions.toBufferedImage(image));
            }
            FACES.put(photo.file(), analyzer.analyze(SharedAssets.resolve(photo.file())));
        }
    }

    @AfterAll
    static void closeAnalyzer() {
        analyzer.close();
    }

    /** Otherwise face-api saw other pixels and nothing below would be comparable. */
    @ParameterizedTest
    @ValueSource(strings = {"sample1.jpg", "sample2.jpg", "sample3.jpg", "sample4.jpg", "sample5.jpg",
            "sample6.jpg"})
    void openCvDecodesThePhotoIntoThePixelsFaceApiSaw(String file) throws NoSuchAlgorithmException {
        BufferedImage image = IMAGES.get(file);

        assertThat(new ImageSize(image.getWidth(), image.getHeight()))
                .isEqualTo(new ImageSize(photo(file).width(), photo(file).height()));
        assertThat(rgbSha256(image)).as("SHA-256 of the decoded RGB bytes; if this OpenCV build decodes JPEGs "
                + "differently, regenerate the fixtures").isEqualTo(photo(file).rgbSha256());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample1.jpg", "sample2.jpg", "sample3.jpg", "sample4.jpg", "sample5.jpg",
            "sample6.jpg"})
    void findsTheFacesFaceApiFinds(String file) {
        List<AnalyzedFace> faces = FACES.get(file);
        List<FaceApiFixture.Face> expected = photo(file).faces();

        assertThat(faces).hasSameSizeAs(expected);
        double box = 0;
        for (int i = 0; i < faces.size(); i++) {
            box = Math.max(box, cornerDistance(faces.get(i).box(), expected.get(i).cornerBox()));
            assertThat(faces.get(i).score()).isCloseTo(expected.get(i).score(),
                    within(SCORE_TOLERANCE));
        }
        System.out.printf("%s: %d faces as face-api, boxes within %.2g px%n", file, faces.size(), box);
        assertThat(box).isLessThan(BOX_TOLERANCE_PX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample1.jpg", "sample2.jpg", "sample3.jpg", "sample4.jpg", "sample5.jpg",
            "sample6.jpg"})
    void placesTheLandmarksFaceApiPlaces(String file) {
        List<AnalyzedFace> faces = FACES.get(file);
        List<FaceApiFixture.Face> expected = photo(file).faces();

        double landmarks = 0;
        for (int i = 0; i < faces.size(); i++) {
            landmarks = Math.max(landmarks, maxLandmarkDistance(faces.get(i).landmarks(), expected.get(i)));
        }
        System.out.printf("%s: landmarks within %.2g px of face-api's%n", file, landmarks);
        assertThat(landmarks).isLessThan(LANDMARK_TOLERANCE_PX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample1.jpg", "sample2.jpg", "sample3.jpg", "sample4.jpg", "sample5.jpg",
            "sample6.jpg"})
    void cutsTheCropsFaceApiCuts(String file) {
        List<AnalyzedFace> faces = FACES.get(file);
        List<FaceApiFixture.Face> expected = photo(file).faces();
        ImageSize size = new ImageSize(photo(file).width(), photo(file).height());

        for (int i = 0; i < faces.size(); i++) {
            assertThat(CropRect.clipped(faces.get(i).box(), size)).isEqualTo(rect(expected.get(i).landmarkCrop()));
            assertThat(faces.get(i).alignedCrop()).isEqualTo(rect(expected.get(i).alignedCrop()));
        }
    }

    /** The aligned crops are equal (see above), so this compares descriptors of the very same crops. */
    @ParameterizedTest
    @ValueSource(strings = {"sample1.jpg", "sample2.jpg", "sample3.jpg", "sample4.jpg", "sample5.jpg",
            "sample6.jpg"})
    void computesTheDescriptorsFaceApiComputes(String file) {
        List<AnalyzedFace> faces = FACES.get(file);
        List<FaceApiFixture.Face> expected = photo(file).faces();

        double descriptor = 0;
        for (int i = 0; i < faces.size(); i++) {
            Embedding actual = faces.get(i).descriptor();
            assertThat(actual.dimension()).isEqualTo(FaceAnalyzer.DESCRIPTOR_SPACE.dimension());
            for (int v = 0; v < actual.dimension(); v++) {
                descriptor = Math.max(descriptor, Math.abs(actual.get(v) - expected.get(i).descriptor()[v]));
            }
        }
        System.out.printf("%s: descriptor values within %.2g of face-api's%n", file, descriptor);
        assertThat(descriptor).isLessThan(DESCRIPTOR_TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample1.jpg", "sample2.jpg", "sample3.jpg", "sample4.jpg", "sample5.jpg",
            "sample6.jpg"})
    void detectsAtInputSize320AsFaceApiDoes(String file) {
        TinyFaceDetector small = detector.withOptions(TinyFaceDetectorOptions.DEFAULT.withInputSize(320));

        List<Detection> faces = small.detect(IMAGES.get(file));

        List<FaceApiFixture.Scored> expected = photo(file).detections320();
        assertThat(faces).hasSameSizeAs(expected);
        for (int i = 0; i < faces.size(); i++) {
            assertThat(cornerDistance(faces.get(i).box(), expected.get(i).cornerBox())).isLessThan(BOX_TOLERANCE_PX);
            assertThat(faces.get(i).score()).isCloseTo(expected.get(i).score(),
                    within(SCORE_TOLERANCE));
        }
    }

    /**
     * face-api on jpeg-js pixels: the same faces, boxes and landmarks within what the decoder moves them, and
     * descriptors closer to their own face's than to any other face's in the six photos.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sample1.jpg", "sample2.jpg", "sample3.jpg", "sample4.jpg", "sample5.jpg",
            "sample6.jpg"})
    void agreesWithFaceApiOnJpegJsPixelsUpToTheDecoderDifference(String file) {
        List<AnalyzedFace> faces = FACES.get(file);
        FaceApiFixture.Photo jpegJs = JPEG_JS_PIXELS.photos().stream().filter(p -> p.file().equals(file))
                .findFirst().orElseThrow();

        assertThat(faces).hasSameSizeAs(jpegJs.faces());
        double box = 0;
        double landmarks = 0;
        double distance = 0;
        for (int i = 0; i < faces.size(); i++) {
            FaceApiFixture.Face expected = jpegJs.faces().get(i);
            box = Math.max(box, cornerDistance(faces.get(i).box(), expected.cornerBox()));
            landmarks = Math.max(landmarks, meanLandmarkDistance(faces.get(i).landmarks(), expected));
            double own = euclidean(faces.get(i).descriptor(), expected.descriptor());
            distance = Math.max(distance, own);
            for (FaceApiFixture.Photo other : JPEG_JS_PIXELS.photos()) {
                for (FaceApiFixture.Face face : other.faces()) {
                    if (face != expected) {
                        assertThat(euclidean(faces.get(i).descriptor(), face.descriptor())).isGreaterThan(own);
                    }
                }
            }
        }
        System.out.printf("%s vs face-api on jpeg-js pixels: boxes within %.2f px, mean landmark distance within "
                + "%.2f px, descriptors within %.3f%n", file, box, landmarks, distance);
        assertThat(box).isLessThan(DECODER_BOX_TOLERANCE_PX);
        assertThat(landmarks).isLessThan(DECODER_MEAN_LANDMARK_TOLERANCE_PX);
        assertThat(distance).isLessThan(DECODER_DESCRIPTOR_DISTANCE);
    }

    private static FaceApiFixture.Photo photo(String file) {
        return SAME_PIXELS.photos().stream().filter(p -> p.file().equals(file)).findFirst().orElseThrow();
    }

    private static String rgbSha256(BufferedImage image) throws NoSuchAlgorithmException {
        int[] argb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        byte[] rgb = new byte[argb.length * 3];
        for (int i = 0; i < argb.length; i++) {
            rgb[3 * i] = (byte) (argb[i] >> 16);
            rgb[3 * i + 1] = (byte) (argb[i] >> 8);
            rgb[3 * i + 2] = (byte) argb[i];
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rgb));
    }

    private static double cornerDistance(Box a, Box b) {
        return Math.max(Math.max(Math.abs(a.x1() - b.x1()), Math.abs(a.y1() - b.y1())),
                Math.max(Math.abs(a.x2() - b.x2()), Math.abs(a.y2() - b.y2())));
    }

    private static double maxLandmarkDistance(FaceLandmarks68 landmarks, FaceApiFixture.Face expected) {
        double max = 0;
        for (int p = 0; p < FaceLandmarks68.COUNT; p++) {
            Keypoint point = landmarks.points().get(p);
            max = Math.max(max, Math.max(Math.abs(point.x() - expected.landmarks()[2 * p]),
                    Math.abs(point.y() - expected.landmarks()[2 * p + 1])));
        }
        return max;
    }

    private static double meanLandmarkDistance(FaceLandmarks68 landmarks, FaceApiFixture.Face expected) {
        double sum = 0;
        for (int p = 0; p < FaceLandmarks68.COUNT; p++) {
            Keypoint point = landmarks.points().get(p);
            sum += Math.hypot(point.x() - expected.landmarks()[2 * p], point.y() - expected.landmarks()[2 * p + 1]);
        }
        return sum / FaceLandmarks68.COUNT;
    }

    private static double euclidean(Embedding actual, float[] expected) {
        return DistanceMetric.EUCLIDEAN.distance(actual, Embedding.of(expected));
    }

    private static CropRect rect(int[] xywh) {
        return new CropRect(xywh[0], xywh[1], xywh[2], xywh[3]);
    }
}
