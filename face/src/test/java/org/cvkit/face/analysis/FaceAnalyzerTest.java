package org.cvkit.face.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.Keypoint;
import org.cvkit.core.image.ImageConversions;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.face.detect.FaceDetector;
import org.cvkit.face.gallery.DistanceMetric;
import org.cvkit.face.gallery.Embedding;
import org.cvkit.face.haar.HaarCascade;
import org.cvkit.face.haar.HaarFaceDetector;
import org.cvkit.face.haar.HaarOptions;
import org.cvkit.zoo.SharedAssets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaceAnalyzerTest {

    private static FaceAnalyzer analyzer;

    @TempDir
    Path folder;

    @BeforeAll
    static void loadFromTheZoo() throws IOException {
        analyzer = FaceAnalyzer.load(SharedAssets.store());
    }

    @AfterAll
    static void closeAnalyzer() {
        analyzer.close();
    }

    @Test
    void analyzesAFileAsItsDecodedMat() throws IOException {
        Path photo = SharedAssets.resolve("sample2.jpg");

        List<AnalyzedFace> fromFile = analyzer.analyze(photo);

        assertThat(fromFile).hasSize(1);
        AnalyzedFace face = fromFile.get(0);
        try (Mat image = imread(photo.toString(), IMREAD_COLOR)) {
            assertThat(analyzer.analyze(image)).isEqualTo(fromFile);
            assertThat(analyzer.describe(face.alignedCrop().cut(ImageConversions.toBufferedImage(image))))
                    .isEqualTo(face.descriptor());
        }
        FaceAnalyzer.DESCRIPTOR_SPACE.requireCompatible(face.descriptor());
        assertThat(analyzer.analyzeSingle(photo)).isEqualTo(face);
    }

    /** The nets run once per image on all its faces; a batch must describe each face as it would alone. */
    @Test
    void describesTheFacesOfAGroupInOneBatchAsOneByOne() throws IOException {
        Path photo = SharedAssets.resolve("sample3.jpg");
        List<AnalyzedFace> faces = analyzer.analyze(photo);
        assertThat(faces).hasSize(3);
        try (Mat image = imread(photo.toString(), IMREAD_COLOR)) {
            BufferedImage pixels = ImageConversions.toBufferedImage(image);
            List<BufferedImage> crops = faces.stream().map(face -> face.alignedCrop().cut(pixels)).toList();

            List<Embedding> batch = analyzer.describe(crops);

            assertThat(batch).hasSize(3);
            for (int i = 0; i < crops.size(); i++) {
                Embedding alone = analyzer.describe(crops.get(i));
                assertThat(distance(batch.get(i), alone)).isLessThan(1e-5);
                assertThat(distance(faces.get(i).descriptor(), alone)).isLessThan(1e-5);
            }
        }
        assertThat(analyzer.describe(List.of())).isEmpty();
    }

    /** face-api finds 3 faces in sample3 (face-api fixture). */
    @Test
    void refusesAGroupPhotoWhereOneFaceIsNeeded() {
        Path photo = SharedAssets.resolve("sample3.jpg");

        assertThatThrownBy(() -> analyzer.analyzeSingle(photo)).isInstanceOfSatisfying(FaceCountException.class,
                e -> assertThat(e.count()).isEqualTo(3)).hasMessageContaining("found 3 faces in " + photo)
                .hasMessageContaining("exactly one is needed");
    }

    @Test
    void refusesAnImageWithoutAFaceWhereOneIsNeeded() {
        try (Scalar colour = new Scalar(90, 120, 150, 0);
             Mat blank = new Mat(480, 640, CV_8UC3, colour)) {
            assertThatThrownBy(() -> analyzer.analyzeSingle(blank)).isInstanceOfSatisfying(FaceCountException.class,
                    e -> assertThat(e.count()).isZero()).hasMessageContaining("no face found in the image");
        }
    }

    @Test
    void requiresExactlyOneFaceInAList() {
        AnalyzedFace face = new AnalyzedFace(new Box(0, 0, 1, 1), 0.5,
                new FaceLandmarks68(Collections.nCopies(FaceLandmarks68.COUNT, new Keypoint(0, 0, true))),
                new CropRect(0, 0, 1, 1), Embedding.of(1f));

        assertThat(FaceAnalyzer.requireSingle(List.of(face), "x.jpg")).isSameAs(face);
        assertThatThrownBy(() -> FaceAnalyzer.requireSingle(List.of(face, face), "x.jpg"))
                .isInstanceOf(FaceCountException.class).hasMessageContaining("found 2 faces in x.jpg");
        assertThatThrownBy(() -> FaceAnalyzer.requireSingle(List.of(), "the frame"))
                .isInstanceOf(FaceCountException.class).hasMessageContaining("no face found in the frame");
    }

    @Test
    void rejectsAMissingFileOrAFolder() {
        Path missing = folder.resolve("missing.jpg");

        assertThatThrownBy(() -> analyzer.analyze(missing)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("no such image file");
        assertThatThrownBy(() -> analyzer.analyze(folder)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void rejectsAFileThatIsNoImage() throws IOException {
        Path notes = Files.writeString(folder.resolve("notes.jpg"), "not a picture");

        assertThatThrownBy(() -> analyzer.analyze(notes)).isInstanceOf(IOException.class)
                .hasMessageContaining("cannot read " + notes + " as an image");
    }

    @Test
    void rejectsAnEmptyOrGrayMat() {
        try (Mat empty = new Mat();
             Mat gray = new Mat(10, 10, CV_8UC1)) {
            assertThatThrownBy(() -> analyzer.analyze(empty)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("empty");
            assertThatThrownBy(() -> analyzer.analyze(gray)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("8-bit BGR (CV_8UC3)").hasMessageContaining("1 channel(s)");
        }
    }

    @Test
    void leavesOutADetectionThatCoversNoPixelAndClosesItsDetector() {
        Box inside = new Box(100, 100, 300, 300);
        ClosingDetector detector = new ClosingDetector(List.of(
                new Detection(inside, 0, "face", 0.9), new Detection(new Box(700, 10, 800, 100), 0, "face", 0.8)));
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);

        try (FaceAnalyzer stubbed = analyzer.withDetector(detector)) {
            List<AnalyzedFace> faces = stubbed.analyze(image);

            assertThat(faces).extracting(AnalyzedFace::box).containsExactly(inside);
            assertThat(stubbed.detector()).isSameAs(detector);
        }
        assertThat(detector.closed).isTrue();
    }

    /**
     * In sample3 the Haar cascade finds face-api's three faces (see HaarFaceDetectorTest), in tighter boxes. The
     * landmarks and the aligned crops then move a little, but each descriptor stays nearest to the same face's
     * descriptor from the tiny face detector, well within face-api's match distance 0.6.
     */
    @Test
    void describesTheFacesAHaarCascadeFindsLikeThoseOfTheTinyDetector() throws IOException {
        Path photo = SharedAssets.resolve("sample3.jpg");
        List<AnalyzedFace> tiny = analyzer.analyze(photo);

        List<AnalyzedFace> haar;
        try (FaceAnalyzer withHaar = analyzer.withDetector(HaarFaceDetector.load(HaarCascade.FRONTAL_FACE_ALT2,
                HaarOptions.DEFAULT.withMinFaceSize(120)))) {
            haar = withHaar.analyze(photo);
        }

        assertThat(haar).hasSize(3);
        for (AnalyzedFace face : haar) {
            AnalyzedFace same = tiny.stream().filter(t -> contains(t.box(), face.box())).findFirst().orElseThrow();
            double own = distance(face.descriptor(), same.descriptor());
            System.out.printf("Haar vs tiny detector, same face: descriptor distance %.3f%n", own);
            assertThat(own).isLessThan(0.3);
            for (AnalyzedFace other : tiny) {
                if (other != same) {
                    assertThat(distance(face.descriptor(), other.descriptor())).isGreaterThan(own);
                }
            }
        }
    }

    private static boolean contains(Box outer, Box inner) {
        return inner.centreX() >= outer.x1() && inner.centreX() <= outer.x2() && inner.centreY() >= outer.y1()
                && inner.centreY() <= outer.y2();
    }

    private static double distance(Embedding a, Embedding b) {
        return DistanceMetric.EUCLIDEAN.distance(a, b);
    }

    /** Reports fixed detections and remembers whether it was closed. */
    private static final class ClosingDetector implements FaceDetector {

        private final List<Detection> detections;
        private boolean closed;

        ClosingDetector(List<Detection> detections) {
            this.detections = detections;
        }

        @Override
        public List<Detection> detect(BufferedImage image) {
            return detections;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
