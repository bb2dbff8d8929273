package org.cvkit.apps.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.cvkit.apps.face.FacePhotos.ADA_BOX;
import static org.cvkit.apps.face.FacePhotos.BEA_BOX;
import static org.cvkit.apps.face.FacePhotos.CLEO_BOX;
import static org.cvkit.apps.face.FacePhotos.DANA_BOX;
import static org.cvkit.apps.face.FacePhotos.boxRgb;
import static org.cvkit.apps.face.FacePhotos.faceVerify;
import static org.cvkit.apps.face.FacePhotos.rgb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.apps.CommandRunner;
import org.cvkit.apps.CommandRunner.Result;
import org.cvkit.apps.ExitCode;
import org.cvkit.apps.ImageFiles;
import org.cvkit.face.gallery.Gallery;
import org.cvkit.face.gallery.GalleryFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cvkit face-verify} end to end on the sample photo sample3, whose women are Ada, Bea and Cleo, and photos of
 * Ada, Bea and Dana (sample2) alone cut from the samples (see {@link FacePhotos}).
 */
class FaceVerifyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path photos;

    @TempDir
    Path temp;

    private static Path ada;
    private static Path adaMirrored;
    private static Path bea;
    private static Path dana;

    @BeforeAll
    static void cutPhotos() throws IOException {
        ada = FacePhotos.alone(photos, "ada.jpg", ADA_BOX);
        adaMirrored = FacePhotos.mirrored(ada, photos.resolve("ada-mirrored.jpg"));
        bea = FacePhotos.alone(photos, "bea.jpg", BEA_BOX);
        dana = FacePhotos.alone(photos, "dana.png", DANA_BOX);
    }

    @Test
    void enrollsListsVerifiesIdentifiesAndRemovesPeople() throws IOException {
        Path gallery = temp.resolve("private").resolve("gallery.json");

        assertOk(faceVerify(gallery, "enroll", "Ada", ada.toString()))
                .isEqualTo("enrolled Ada from 1 photo (1 in all); " + gallery + " holds 1 person\n");
        assertOk(faceVerify(gallery, "enroll", "Bea", bea.toString()));
        assertOk(faceVerify(gallery, "enroll", "Ada", adaMirrored.toString())).isEqualTo("enrolled Ada from 1 photo "
                + "(2 in all); " + gallery + " holds 2 people\n");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(gallery))).isEqualTo("rw-------");
        assertOk(faceVerify(gallery, "list")).isEqualTo(gallery + ": 2 people, threshold 0.6000 (euclidean distance, "
                + "nearest embedding)\nAda  2 photos\nBea  1 photo\n");

        JsonNode same = JSON.readTree(ok(faceVerify(gallery, "verify", adaMirrored.toString(), "--person", "Ada",
                "--json")));
        // The very photo was enrolled, so its descriptor is in the gallery: distance 0.
        assertThat(same.get("person").asText()).isEqualTo("Ada");
        assertThat(same.get("distance").asDouble()).isZero();
        assertThat(same.get("threshold").asDouble()).isEqualTo(0.6);
        assertThat(same.get("same_person").asBoolean()).isTrue();
        assertOk(faceVerify(gallery, "verify", dana.toString(), "--person", "Ada"))
                .matches("Ada: distance 0\\.\\d{4} > 0\\.6000: different people\n");

        JsonNode identified = JSON.readTree(ok(faceVerify(gallery, "identify", FacePhotos.group().toString(),
                "--json", "--threshold", FacePhotos.THRESHOLD))).get("faces");
        assertThat(identified).hasSize(3);
        assertBox(identified.get(0).get("box"), ADA_BOX);
        assertThat(identified.get(0).get("person").asText()).isEqualTo("Ada");
        assertThat(identified.get(0).get("distance").asDouble()).isBetween(0.0, 0.45);
        assertBox(identified.get(1).get("box"), BEA_BOX);
        assertThat(identified.get(1).get("person").asText()).isEqualTo("Bea");
        assertBox(identified.get(2).get("box"), CLEO_BOX);
        assertThat(identified.get(2).get("person").isNull()).isTrue();
        assertThat(identified.get(2).get("distance").asDouble()).isGreaterThan(0.45);

        Path named = temp.resolve("named.png");
        assertOk(faceVerify(gallery, "identify", FacePhotos.group().toString(), "--out", named.toString(),
                "--threshold", FacePhotos.THRESHOLD))
                .containsPattern("face 1 \\[1005, 252, 1329, 528\\]: Ada \\(distance 0\\.\\d{4}\\)\n")
                .containsPattern("face 3 \\[1444, 342, 1733, 612\\]: unknown \\(nearest: \\w+ at 0\\.\\d{4}\\)\n")
                .endsWith("annotated photo: " + named + "\n");
        try (Mat picture = ImageFiles.read(named)) {
            assertThat(picture.cols()).isEqualTo(1920);
            // Each box's left edge in its person's colour: Ada is the first enrolled (class 1), Cleo unknown (0).
            assertThat(rgb(picture, 1005, 400)).isEqualTo(boxRgb(1));
            assertThat(rgb(picture, 525, 500)).isEqualTo(boxRgb(2));
            assertThat(rgb(picture, 1444, 480)).isEqualTo(boxRgb(0));
        }

        assertOk(faceVerify(gallery, "remove", "Bea")).isEqualTo("removed Bea; " + gallery + " holds 1 person\n");
        assertOk(faceVerify(gallery, "list")).endsWith("\nAda  2 photos\n");
    }

    @Test
    void verifiesTwoPhotosWithoutTouchingTheGallery() throws IOException {
        Path gallery = temp.resolve("gallery.json");

        assertOk(faceVerify(gallery, "verify", ada.toString(), adaMirrored.toString()))
                .matches("distance 0\\.\\d{4} <= 0\\.6000: same person\n");
        JsonNode different = JSON.readTree(ok(faceVerify(gallery, "verify", ada.toString(), bea.toString(),
                "--json")));
        assertThat(different.has("person")).isFalse();
        assertThat(different.get("distance").asDouble()).isGreaterThan(0.6);
        assertThat(different.get("same_person").asBoolean()).isFalse();
        assertOk(faceVerify(gallery, "verify", ada.toString(), adaMirrored.toString(), "--threshold", "0.01"))
                .matches("distance 0\\.\\d{4} > 0\\.0100: different people\n");

        assertThat(gallery).doesNotExist();
    }

    /** The boxes and scores face-api gives sample3 (its fixture: 0.808, 0.783 and 0.684), best first. */
    @Test
    void describesEveryFaceAsJsonAndInAPicture() throws IOException {
        Path picture = temp.resolve("described.jpg");

        JsonNode faces = JSON.readTree(ok(faceVerify(temp.resolve("unused.json"), "describe",
                FacePhotos.group().toString(), "--json", "--out", picture.toString()))).get("faces");

        assertThat(faces).hasSize(3);
        double[][] boxes = {ADA_BOX, BEA_BOX, CLEO_BOX};
        double[] scores = {0.808, 0.783, 0.684};
        for (int i = 0; i < 3; i++) {
            JsonNode face = faces.get(i);
            assertBox(face.get("box"), boxes[i]);
            assertThat(face.get("score").asDouble()).isCloseTo(scores[i], within(1e-3));
            assertThat(face.get("landmarks")).hasSize(68).allSatisfy(point -> {
                assertThat(point.get(0).asDouble()).isBetween(face.get("box").get(0).asDouble() - 20,
                        face.get("box").get(2).asDouble() + 20);
                assertThat(point.get(1).asDouble()).isBetween(face.get("box").get(1).asDouble() - 20,
                        face.get("box").get(3).asDouble() + 20);
            });
            assertThat(face.get("descriptor")).hasSize(128);
        }
        try (Mat drawn = ImageFiles.read(picture)) {
            // A landmark's centre is painted in the landmark colour: the nose tip (point 30) of the first face.
            JsonNode nose = faces.get(0).get("landmarks").get(30);
            assertThat(rgb(drawn, (int) Math.round(nose.get(0).asDouble()), (int) Math.round(nose.get(1).asDouble())))
                    .satisfies(colour -> assertThat(colour[1]).isGreaterThan(200));
        }
        assertOk(faceVerify(temp.resolve("unused.json"), "describe", FacePhotos.noFace().toString()))
                .isEqualTo("fruits.jpg: no face found\n");
        assertOk(faceVerify(temp.resolve("unused.json"), "describe", FacePhotos.noFace().toString(), "--json"))
                .isEqualTo("{\"faces\":[]}\n");
    }

    /**
     * The Haar cascade finds the same three women; its boxes differ (their centres by up to a fifth of the face width), so
     * the faces are matched by their centres. The landmarks and so the aligned crops barely move: the descriptors
     * stay within 0.3 of each other, half the usual threshold.
     */
    @Test
    void theHaarDetectorFindsTheSameFacesAndDescribesThemAlike() throws IOException {
        assertFindsTheFacesOfTheDefaultDetector("--detector", "haar");
    }

    /** The tiny detector at a 320-pixel input, as for a faster webcam loop, still finds and places the three faces. */
    @Test
    void aSmallerTinyDetectorInputFindsTheSameFacesAndDescribesThemAlike() throws IOException {
        assertFindsTheFacesOfTheDefaultDetector("--input-size", "320");
    }

    private void assertFindsTheFacesOfTheDefaultDetector(String... detectorOptions) throws IOException {
        JsonNode tiny = JSON.readTree(ok(faceVerify(temp.resolve("unused.json"), "describe",
                FacePhotos.group().toString(), "--json"))).get("faces");
        List<String> arguments = new ArrayList<>(List.of("describe", FacePhotos.group().toString(), "--json"));
        arguments.addAll(List.of(detectorOptions));
        JsonNode other = JSON.readTree(ok(faceVerify(temp.resolve("unused.json"), arguments.toArray(String[]::new))))
                .get("faces");

        assertThat(other).hasSize(3);
        for (JsonNode face : other) {
            JsonNode same = nearest(tiny, face);
            double width = same.get("box").get(2).asDouble() - same.get("box").get(0).asDouble();
            assertThat(distance(centre(same), centre(face))).as("centre offset").isLessThan(width / 5);
            assertThat(distance(descriptor(same), descriptor(face))).as("descriptor distance").isLessThan(0.3);
        }
    }

    private static JsonNode nearest(JsonNode faces, JsonNode face) {
        JsonNode best = faces.get(0);
        for (JsonNode candidate : faces) {
            if (distance(centre(candidate), centre(face)) < distance(centre(best), centre(face))) {
                best = candidate;
            }
        }
        return best;
    }

    private static double[] centre(JsonNode face) {
        JsonNode box = face.get("box");
        return new double[] {(box.get(0).asDouble() + box.get(2).asDouble()) / 2,
            (box.get(1).asDouble() + box.get(3).asDouble()) / 2};
    }

    private static double[] descriptor(JsonNode face) {
        double[] values = new double[face.get("descriptor").size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = face.get("descriptor").get(i).asDouble();
        }
        return values;
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }

    /** describe prints the very descriptor that enroll stores, through two JSON round trips. */
    @Test
    void describesAFaceAsEnrollStoresIt() throws IOException {
        Path gallery = temp.resolve("gallery.json");
        assertOk(faceVerify(gallery, "enroll", "Dana", dana.toString()));

        JsonNode described = JSON.readTree(ok(faceVerify(gallery, "describe", dana.toString(), "--json")))
                .get("faces").get(0).get("descriptor");

        float[] enrolled = GalleryFile.read(gallery).person("Dana").orElseThrow().embeddings().get(0).toArray();
        float[] printed = new float[described.size()];
        for (int i = 0; i < printed.length; i++) {
            printed[i] = described.get(i).floatValue();
        }
        assertThat(printed).containsExactly(enrolled);
    }

    /**
     * Three photos of Ada, Bea and Dana (alone, mirrored, brightened): 3 x 3 = 9 genuine pairs and 36 - 9 = 27 impostor
     * pairs, which descriptors separate completely.
     */
    @Test
    void calibratesTheThresholdOnAFolderPerPerson() throws IOException {
        Path people = temp.resolve("people");
        for (String name : List.of("ada", "bea", "dana")) {
            Path folder = Files.createDirectories(people.resolve(name));
            Path alone = FacePhotos.alone(folder, "1.jpg", switch (name) {
                case "ada" -> ADA_BOX;
                case "bea" -> BEA_BOX;
                default -> DANA_BOX;
            });
            FacePhotos.mirrored(alone, folder.resolve("2.jpg"));
            FacePhotos.brightened(alone, folder.resolve("3.jpg"));
        }
        Path gallery = temp.resolve("gallery.json");
        Path roc = temp.resolve("roc.png");

        String out = ok(faceVerify(gallery, "calibrate", people.toString(), "--far", "0", "--roc",
                roc.toString(), "--save"));

        assertThat(out).startsWith("9 photos of 3 people: 9 genuine and 27 impostor pairs\nAUC 1.0000; equal error "
                + "rate 0.0000 at distance ").contains("ROC curve: " + roc + "\n");
        double threshold = Double.parseDouble(out.replaceAll("(?s).*\nthreshold (\\S+) for a false-accept rate of "
                + "at most 0.0: false-accept rate 0.0000, true-accept rate 1.0000\n.*", "$1"));
        Gallery calibrated = GalleryFile.read(gallery);
        assertThat(calibrated.policy().threshold()).isCloseTo(threshold, within(1e-4)).isLessThan(0.6);
        assertThat(calibrated.size()).isZero();
        assertThat(out).endsWith(String.format(Locale.ROOT, "saved threshold %.4f in %s%n", threshold, gallery));
        try (Mat chart = ImageFiles.read(roc)) {
            assertThat(chart.cols()).isEqualTo(640);
            assertThat(chart.rows()).isEqualTo(640);
        }
    }

    @Test
    void badInputFailsWithOneLineAndChangesNothing() throws IOException {
        Path gallery = temp.resolve("gallery.json");
        assertOk(faceVerify(gallery, "enroll", "Ada", ada.toString()));
        byte[] enrolled = Files.readAllBytes(gallery);
        Path notImage = Files.writeString(temp.resolve("notes.jpg"), "not a photo");
        Path notVideo = Files.writeString(temp.resolve("notes.avi"), "not a video");
        Path corrupt = Files.writeString(temp.resolve("corrupt.json"), "{\"format\": \"cvkit-face-gallery\", ");
        String missing = temp.resolve("missing.jpg").toString();
        String group = FacePhotos.group().toString();

        assertFails(gallery, ExitCode.FAILURE, "no such file: " + missing, "enroll", "Bea", missing);
        assertFails(gallery, ExitCode.USAGE, "cannot read image " + notImage, "enroll", "Bea", notImage.toString());
        assertFails(gallery, ExitCode.USAGE, "no face found in " + FacePhotos.noFace(), "enroll", "Bea",
                FacePhotos.noFace().toString());
        assertFails(gallery, ExitCode.USAGE, "found 3 faces in " + group + " where exactly one is needed",
                "enroll", "Bea", bea.toString(), group);
        assertFails(gallery, ExitCode.USAGE, "the name ' Bea' starts or ends with white space", "enroll", " Bea",
                bea.toString());
        assertFails(gallery, ExitCode.USAGE, "'Zoe' is not enrolled", "remove", "Zoe");
        assertFails(gallery, ExitCode.USAGE, "'Zoe' is not enrolled in " + gallery, "verify", ada.toString(),
                "--person", "Zoe");
        assertFails(gallery, ExitCode.USAGE, "verify needs two photos, or one photo and --person NAME", "verify",
                ada.toString());
        assertFails(gallery, ExitCode.USAGE, "--threshold must be a distance of at least 0 but is -0.5", "verify",
                ada.toString(), bea.toString(), "--threshold", "-0.5");
        assertFails(gallery, ExitCode.USAGE, "Invalid value for option '--threshold'", "identify", group,
                "--threshold", "near");
        assertFails(gallery, ExitCode.USAGE, "no face found in " + FacePhotos.noFace(), "identify",
                FacePhotos.noFace().toString());
        assertFails(gallery, ExitCode.USAGE, "--out must be an image file", "describe", group, "--out",
                temp.resolve("faces.gif").toString());
        assertFails(gallery, ExitCode.USAGE, "--far is a share of impostor pairs and must lie within 0:1 but is 2.0",
                "calibrate", photos.toString(), "--far", "2");
        assertFails(gallery, ExitCode.USAGE, "calibration needs at least two people", "calibrate",
                photos.toString());
        assertFails(gallery, ExitCode.USAGE, "the input size must be a positive multiple of 32", "describe", group,
                "--input-size", "300");
        assertFails(gallery, ExitCode.USAGE, "--input-size sets the tiny face detector's input", "describe", group,
                "--detector", "haar", "--input-size", "320");
        assertFails(gallery, ExitCode.USAGE, "Invalid value for option '--detector'", "describe", group,
                "--detector", "hog");
        assertFails(gallery, ExitCode.USAGE, "Missing required argument", "live");
        assertFails(gallery, ExitCode.USAGE, "--out writes an annotated copy of a --video", "live", "--camera", "0",
                "--out", temp.resolve("live.mp4").toString());
        assertFails(gallery, ExitCode.USAGE, "--describe-every must be at least 1 frame but is 0", "live", "--camera",
                "0", "--describe-every", "0");
        assertFails(gallery, ExitCode.FAILURE, "no camera 9: /dev/video9 does not exist", "live", "--camera", "9");
        assertFails(gallery, ExitCode.FAILURE, "no such file: " + temp.resolve("missing.avi"), "live", "--video",
                temp.resolve("missing.avi").toString(), "--out", temp.resolve("live.mp4").toString());
        assertFails(gallery, ExitCode.FAILURE, "cannot decode " + notVideo, "live", "--video", notVideo.toString(),
                "--out", temp.resolve("live.mp4").toString());
        assertFails(corrupt, ExitCode.FAILURE, "gallery file " + corrupt + " is not valid JSON", "list");
        assertFails(corrupt, ExitCode.FAILURE, "gallery file " + corrupt + " is not valid JSON", "enroll", "Bea",
                bea.toString());
        assertFails(temp.resolve("none.json"), ExitCode.USAGE, "there is no gallery at " + temp.resolve("none.json")
                + "; enroll people first", "identify", group);

        assertThat(Files.readAllBytes(gallery)).isEqualTo(enrolled);
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.map(file -> file.getFileName().toString()).sorted())
                    .containsExactly("corrupt.json", "gallery.json", "notes.avi", "notes.jpg");
        }
    }

    @Test
    void everySubCommandHasHelp() {
        for (String command : List.of("enroll", "verify", "identify", "describe", "list", "remove", "calibrate",
                "live")) {
            Result run = CommandRunner.run("face-verify", command, "--help");

            assertThat(run.exitCode()).as(command).isEqualTo(ExitCode.OK);
            assertThat(run.out()).startsWith("Usage: cvkit face-verify " + command);
        }
    }

    @Test
    void aSubCommandIsRequired() {
        Result run = CommandRunner.run("face-verify");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).isEqualTo("cvkit: a sub-command is required (see 'cvkit face-verify --help')\n");
    }

    private static org.assertj.core.api.AbstractStringAssert<?> assertOk(Result run) {
        return assertThat(ok(run));
    }

    /** @return the standard output of a run that must have succeeded */
    private static String ok(Result run) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        return run.out();
    }

    private static void assertFails(Path gallery, int exitCode, String message, String... args) {
        Result run = faceVerify(gallery, args);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
        assertThat(run.err().lines().toList()).as(run.err())
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING).startsWith("cvkit: ")
                .contains(message);
        assertThat(run.out()).isEmpty();
    }

    /** Box corners within a hundredth of a pixel of face-api's (the JSON keeps 2 decimals). */
    private static void assertBox(JsonNode box, double[] expected) {
        assertThat(box).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(box.get(i).asDouble()).isCloseTo(expected[i], within(0.011));
        }
    }
}
