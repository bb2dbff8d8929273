package org.cvkit.face.haar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.image.ImageConversions;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.zoo.SharedAssets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class HaarFaceDetectorTest {

    /**
     * The faces in face-api's demo photos are 160 to 400 pixels wide; searching from 120 pixels up is 10 times
     * faster than from 40 on these 1920-pixel photos and finds the same faces.
     */
    private static final HaarOptions LARGE_FACES = HaarOptions.DEFAULT.withMinFaceSize(120);

    private static HaarFaceDetector detector;

    @BeforeAll
    static void loadCascade() throws IOException {
        detector = HaarFaceDetector.load(HaarCascade.FRONTAL_FACE_ALT2, LARGE_FACES);
    }

    @AfterAll
    static void closeCascade() {
        detector.close();
    }

    /**
     * Face counts of the alt2 cascade against face-api's tiny face detector, whose faces (x, y, width, height,
     * from the face-api fixture) are listed. Of face-api's 20 faces the cascade finds 14 (a face counts as found
     * when the centre of a Haar box lies in its box); it misses the tilted and turned ones. It reports 2 boxes that
     * are none of face-api's: a badge in sample1 and, in sample2, the face of the woman in the middle, looking down,
     * whom face-api scores below 0.5.
     */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "sample1.jpg; 2; 1; 775 445 313 256, 1422 214 306 282, 336 396 305 251",
        "sample2.jpg; 1; 0; 1403 173 276 263",
        "sample3.jpg; 3; 3; 1004 252 324 275, 525 370 313 271, 1444 342 289 270",
        "sample4.jpg; 1; 1; 624 98 253 228, 225 234 274 244, 924 225 267 231",
        "sample5.jpg; 5; 5; 312 897 315 312, 1346 416 304 282, 533 435 286 242, 1057 242 279 247, 734 133 237 195",
        "sample6.jpg; 4; 4; 1431 313 298 290, 615 378 294 275, 1092 360 295 275, 186 517 335 288, 1264 336 293 295"})
    void findsFacesInTheDemoPhotos(String photo, int found, int alsoFoundByFaceApi, String faceApiFaces) {
        List<Box> faceApi = boxes(faceApiFaces);

        List<Detection> faces;
        try (Mat image = imread(SharedAssets.resolve(photo).toString(), IMREAD_COLOR)) {
            faces = detector.detect(image);
        }

        assertThat(faces).hasSize(found);
        assertThat(faces.stream().filter(face -> faceApi.stream().anyMatch(box -> containsCentre(box, face.box()))))
                .hasSize(alsoFoundByFaceApi);
        for (int i = 0; i < faces.size(); i++) {
            Detection face = faces.get(i);
            assertThat(face.score()).isEqualTo(1);
            assertThat(face.label()).isEqualTo("face");
            assertThat(face.box().width()).isEqualTo(face.box().height()).isGreaterThanOrEqualTo(120);
            if (i > 0) {
                assertThat(face.box().area()).isLessThanOrEqualTo(faces.get(i - 1).box().area());
            }
        }
    }

    @Test
    void findsTheSameFacesInGrayBgrAndBufferedImages() {
        try (Mat bgr = imread(SharedAssets.resolve("sample3.jpg").toString(), IMREAD_COLOR);
             Mat gray = new Mat()) {
            cvtColor(bgr, gray, COLOR_BGR2GRAY);
            List<Detection> fromBgr = detector.detect(bgr);

            assertThat(detector.detect(gray)).isEqualTo(fromBgr);
            assertThat(detector.detect(ImageConversions.toBufferedImage(bgr))).isEqualTo(fromBgr);
        }
    }

    @Test
    void findsNoFaceInAnEmptyScene() {
        try (Scalar colour = new Scalar(90, 120, 150, 0);
             Mat blank = new Mat(480, 640, CV_8UC3, colour)) {
            assertThat(detector.detect(blank)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(HaarCascade.class)
    void loadsEveryCascadeFromTheOpenCvJar(HaarCascade cascade) throws IOException {
        try (HaarFaceDetector loaded = HaarFaceDetector.load(cascade, HaarOptions.DEFAULT)) {
            assertThat(loaded.options()).isEqualTo(HaarOptions.DEFAULT);
        }
    }

    @Test
    void rejectsAnEmptyImage() {
        try (Mat empty = new Mat()) {
            assertThatThrownBy(() -> detector.detect(empty)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("8-bit BGR or gray").hasMessageContaining("0x0");
        }
    }

    @Test
    void rejectsAFloatImage() {
        try (Mat floats = new Mat(10, 10, CV_32FC3)) {
            assertThatThrownBy(() -> detector.detect(floats)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("8-bit BGR or gray").hasMessageContaining("3 channel(s) of depth 5");
        }
    }

    @Test
    void rejectsBadOptions() {
        assertThatThrownBy(() -> new HaarOptions(1.0, 3, 40)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scale factor must be above 1");
        assertThatThrownBy(() -> new HaarOptions(1.1, -1, 40)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neighbours must not be negative");
        assertThatThrownBy(() -> new HaarOptions(1.1, 3, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1 pixel");
    }

    private static boolean containsCentre(Box outer, Box inner) {
        return inner.centreX() >= outer.x1() && inner.centreX() <= outer.x2() && inner.centreY() >= outer.y1()
                && inner.centreY() <= outer.y2();
    }

    private static List<Box> boxes(String xywhList) {
        return Arrays.stream(xywhList.split(",")).map(String::trim).map(xywh -> {
            String[] v = xywh.split(" ");
            double x = Double.parseDouble(v[0]);
            double y = Double.parseDouble(v[1]);
            return new Box(x, y, x + Double.parseDouble(v[2]), y + Double.parseDouble(v[3]));
        }).toList();
    }
}
