package org.cvkit.face.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.cvkit.augment.LabeledBox;
import org.cvkit.augment.Range;
import org.cvkit.augment.Sample;
import org.cvkit.augment.Transform;
import org.cvkit.augment.colour.Brightness;
import org.cvkit.augment.degrade.GaussianNoise;
import org.cvkit.augment.geometry.Flip;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.face.gallery.DistanceMetric;
import org.cvkit.face.gallery.Embedding;
import org.cvkit.face.gallery.MatchPolicy;
import org.cvkit.zoo.SharedAssets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Verification on the six sample photos (20 faces of 20 people) at face-api's threshold 0.6: every face is accepted
 * against a mirrored, a brightened and a noisy copy of its photo and is nearer to it than to any other person, and
 * pairs of different people are rejected as the original face-api (in Node) rejects them.
 *
 * <p>Measured on the development machine: a face and its altered copies are 0.15-0.41 apart mirrored, 0.04-0.25
 * brightened by 15 % and 0.09-0.16 with noise of sigma 8; a copy and the nearest other person 0.50-0.69; two
 * different people 0.51-0.89. So 0.6 does not reject everyone here: it falsely accepts 10 of the 190 pairs of
 * different people (5.3 %, all between 0.51 and 0.60), and face-api's own descriptors accept the very same 10
 * pairs. These photos show young women of similar looks, harder than the LFW pairs face-api's 0.6 was chosen on;
 * any threshold between 0.42 and 0.49 would separate every face here from everyone else, which is what
 * {@code cvkit face-verify calibrate} finds for one's own people.
 */
class FaceVerificationTest {

    private static final double THRESHOLD = MatchPolicy.FACE_API_THRESHOLD;
    private static final List<String> PHOTOS = List.of("sample1.jpg", "sample2.jpg", "sample3.jpg", "sample4.jpg",
            "sample5.jpg", "sample6.jpg");
    /** face-api's face counts on the sample photos. */
    private static final List<Integer> FACE_COUNTS = List.of(3, 1, 3, 3, 5, 5);
    private static final long SEED = 42;

    private static final Map<String, List<AnalyzedFace>> ORIGINALS = new LinkedHashMap<>();
    /** face-api's own descriptors of the same faces, in the same order (face-api in Node on OpenCV's pixels). */
    private static final List<float[]> FACE_API_DESCRIPTORS = FaceApiFixture.read(FaceApiFixture.OPENCV_PIXELS)
            .photos().stream().flatMap(photo -> photo.faces().stream()).map(FaceApiFixture.Face::descriptor).toList();
    private static FaceAnalyzer analyzer;

    @BeforeAll
    static void analyzeTheOriginals() throws IOException {
        analyzer = FaceAnalyzer.load(SharedAssets.store());
        for (String photo : PHOTOS) {
            ORIGINALS.put(photo, analyzer.analyze(SharedAssets.resolve(photo)));
        }
    }

    @AfterAll
    static void closeAnalyzer() {
        analyzer.close();
    }

    @Test
    void findsFaceApisFacesInEveryPhoto() {
        assertThat(ORIGINALS.values()).extracting(List::size).containsExactlyElementsOf(FACE_COUNTS);
    }

    static Stream<Arguments> alteredCopies() {
        Map<String, Transform> transforms = new LinkedHashMap<>();
        transforms.put("mirrored", Flip.HORIZONTAL);
        transforms.put("brightened by 15%", new Brightness(Range.fixed(0.15)));
        transforms.put("with Gaussian noise of sigma 8", new GaussianNoise(Range.fixed(8)));
        return PHOTOS.stream().flatMap(photo -> transforms.entrySet().stream()
                .map(transform -> Arguments.of(photo, transform.getKey(), transform.getValue())));
    }

    /**
     * Landmarks, alignment and descriptors are computed again on the altered pixels, at the boxes the transform
     * moved the original detections to (so that a face the detector misses in a copy, such as sample6's weakest,
     * still gets verified). Each copy must be within the threshold of its original and nearer to it than to any of
     * the 19 other people, so that identification names it correctly.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("alteredCopies")
    void acceptsEachFaceAgainstAnAlteredCopyOfItself(String photo, String alteration, Transform transform) {
        List<AnalyzedFace> originals = ORIGINALS.get(photo);
        List<LabeledBox> boxes = new ArrayList<>();
        for (int i = 0; i < originals.size(); i++) {
            boxes.add(new LabeledBox(originals.get(i).box(), Integer.toString(i)));
        }
        List<AnalyzedFace> copies;
        try (Sample original = Sample.of(imread(SharedAssets.resolve(photo).toString(), IMREAD_COLOR), boxes,
                List.of());
             Sample copy = transform.apply(original, new SplittableRandom(SEED))) {
            List<Detection> moved = copy.boxes().stream().map(box -> new Detection(box.box(), 0, "face",
                    originals.get(Integer.parseInt(box.label())).score())).toList();
            assertThat(moved).hasSameSizeAs(originals);
            copies = analyzer.withDetector(image -> moved).analyze(copy.image());
        }

        assertThat(copies).hasSameSizeAs(originals);
        List<AnalyzedFace> everyone = allFaces();
        List<String> own = new ArrayList<>();
        List<String> nearestOther = new ArrayList<>();
        for (int i = 0; i < copies.size(); i++) {
            AnalyzedFace self = originals.get(i);
            AnalyzedFace copy = copies.get(i);
            double distance = distance(self, copy);
            double others = everyone.stream().filter(other -> other != self)
                    .mapToDouble(other -> distance(other, copy)).min().orElseThrow();
            own.add(String.format(Locale.ROOT, "%.3f", distance));
            nearestOther.add(String.format(Locale.ROOT, "%.3f", others));
            assertThat(distance).as("%s face %d, %s", photo, i, alteration).isLessThanOrEqualTo(THRESHOLD);
            assertThat(others).as("%s face %d, %s: nearest other person", photo, i, alteration)
                    .isGreaterThan(distance);
        }
        System.out.printf("%s %s: to the originals %s, to the nearest other person %s%n", photo, alteration, own,
                nearestOther);
    }

    /**
     * At 0.6 the port accepts exactly the pairs of different people that face-api's own descriptors accept, and
     * rejects the 180 others; all are more than 0.5 apart.
     */
    @Test
    void rejectsDifferentPeopleExceptTheLookalikesFaceApiAcceptsToo() {
        List<AnalyzedFace> faces = allFaces();
        assertThat(faces).hasSameSizeAs(FACE_API_DESCRIPTORS);
        List<String> accepted = new ArrayList<>();
        List<String> acceptedByFaceApi = new ArrayList<>();
        double closest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < faces.size(); i++) {
            for (int j = i + 1; j < faces.size(); j++) {
                double distance = distance(faces.get(i), faces.get(j));
                closest = Math.min(closest, distance);
                if (distance <= THRESHOLD) {
                    accepted.add(String.format(Locale.ROOT, "%d-%d %.3f", i, j, distance));
                }
                if (faceApiDistance(i, j) <= THRESHOLD) {
                    acceptedByFaceApi.add(String.format(Locale.ROOT, "%d-%d %.3f", i, j, faceApiDistance(i, j)));
                }
            }
        }
        System.out.printf(Locale.ROOT, "accepted at %.1f: %s; face-api: %s%n", THRESHOLD, accepted,
                acceptedByFaceApi);

        assertThat(accepted).hasSize(10).hasSameSizeAs(acceptedByFaceApi);
        assertThat(accepted.stream().map(pair -> pair.split(" ")[0]))
                .containsExactlyElementsOf(acceptedByFaceApi.stream().map(pair -> pair.split(" ")[0]).toList());
        assertThat(closest).isGreaterThan(0.5);
    }

    private static List<AnalyzedFace> allFaces() {
        return ORIGINALS.values().stream().flatMap(List::stream).toList();
    }

    private static double faceApiDistance(int a, int b) {
        return DistanceMetric.EUCLIDEAN.distance(Embedding.of(FACE_API_DESCRIPTORS.get(a)),
                Embedding.of(FACE_API_DESCRIPTORS.get(b)));
    }

    private static double distance(AnalyzedFace a, AnalyzedFace b) {
        return DistanceMetric.EUCLIDEAN.distance(a.descriptor(), b.descriptor());
    }
}
