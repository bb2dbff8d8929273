package org.cvkit.face.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.face.FaceApiReference;
import org.cvkit.zoo.SharedAssets;
import org.cvkit.zoo.format.ModelFormatException;
import org.cvkit.zoo.format.WeightTensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TinyFaceDetectorTest {

    private static Map<String, WeightTensor> weights;
    private static TinyFaceDetector detector;

    @BeforeAll
    static void loadDetector() throws IOException {
        weights = FaceApiReference.weights("tiny_face_detector_model");
        detector = TinyFaceDetector.fromWeights(weights);
    }

    /** synthetic_raw.json: face-api's raw [1, 13, 13, 25] output (NHWC) for the input (31y + 17x + 7c) % 256. */
    @Test
    void rawOutputEqualsFaceApiOnTheSyntheticInput() throws IOException {
        JsonNode expected = FaceApiReference.syntheticOutput("tinyFaceDetector", "values");
        float[] rgb = FaceApiReference.syntheticRgb(TinyFaceDetectorInput.SIZE);

        double maxAbsDiff;
        try (INDArray input = TinyFaceDetectorInput.normalize(rgb);
             INDArray output = detector.rawOutput(input);
             INDArray nhwc = output.permute(0, 2, 3, 1).dup('c')) {
            assertThat(output.shape()).containsExactly(1, 25, 13, 13);
            maxAbsDiff = FaceApiReference.maxAbsDifference(nhwc.data().asFloat(), expected);
        }
        System.out.println("tiny face detector, synthetic input: max abs diff vs face-api = " + maxAbsDiff);
        assertThat(maxAbsDiff).isLessThan(1e-4);
    }

    /** face-api finds these counts on its demo photos (README, identical for jpeg-js and ImageIO pixels). */
    @ParameterizedTest
    @CsvSource({"sample1.jpg, 3", "sample2.jpg, 1", "sample3.jpg, 3", "sample4.jpg, 3", "sample5.jpg, 5",
            "sample6.jpg, 5"})
    void findsAsManyFacesAsFaceApiInItsDemoPhotos(String photo, int faces) throws IOException {
        BufferedImage image = ImageIO.read(SharedAssets.resolve(photo).toFile());

        List<Detection> detections = detector.detect(image);

        assertThat(detections).hasSize(faces);
        for (Detection face : detections) {
            assertThat(face.score()).isGreaterThan(0.5);
            assertThat(face.label()).isEqualTo("face");
            assertThat(face.box().x1()).isBetween(0.0, (double) image.getWidth());
            assertThat(face.box().y1()).isBetween(0.0, (double) image.getHeight());
            double width = face.box().x2() - face.box().x1();
            double height = face.box().y2() - face.box().y1();
            assertThat(width).as("face width").isBetween(40.0, image.getWidth() / 2.0);
            assertThat(height / width).as("face aspect ratio").isBetween(0.8, 2.0);
        }
        for (int i = 1; i < detections.size(); i++) {
            assertThat(detections.get(i).score()).isLessThanOrEqualTo(detections.get(i - 1).score());
        }
    }

    /** face-api scores sample3's faces 0.808, 0.783 and 0.684 (face-api fixture of the analysis tests). */
    @Test
    void keepsOnlyTheFacesAboveTheScoreThresholdOfItsOptions() throws IOException {
        BufferedImage image = ImageIO.read(SharedAssets.resolve("sample3.jpg").toFile());
        TinyFaceDetector strict = detector.withOptions(TinyFaceDetectorOptions.DEFAULT.withScoreThreshold(0.7));

        assertThat(strict.options().scoreThreshold()).isEqualTo(0.7);
        assertThat(strict.detect(image)).hasSize(2);
        assertThat(detector.options()).isEqualTo(TinyFaceDetectorOptions.DEFAULT);
    }

    @Test
    void rejectsAnInputWhoseSideIsNotAMultipleOf32() {
        try (INDArray input = Nd4j.zeros(1, 3, 200, 200)) {
            assertThatThrownBy(() -> detector.rawOutput(input)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("multiple of 32").hasMessageContaining("[1, 3, 200, 200]");
        }
    }

    @Test
    void rejectsANonSquareInput() {
        try (INDArray input = Nd4j.zeros(1, 3, 224, 320)) {
            assertThatThrownBy(() -> detector.rawOutput(input)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("[N, 3, 224, 224]").hasMessageContaining("[1, 3, 224, 320]");
        }
    }

    @Test
    void rejectsWeightsWithoutATensor() {
        Map<String, WeightTensor> incomplete = new HashMap<>(weights);
        incomplete.remove("conv3/pointwise_filter");

        assertThatThrownBy(() -> TinyFaceDetector.fromWeights(incomplete)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("conv3/pointwise_filter");
    }

    @Test
    void rejectsWeightsOfAnotherShape() {
        Map<String, WeightTensor> wrong = new HashMap<>(weights);
        wrong.put("conv8/bias", WeightTensor.of("conv8/bias", new long[] {24}, new float[24]));

        assertThatThrownBy(() -> TinyFaceDetector.fromWeights(wrong)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("conv8/bias").hasMessageContaining("[24]").hasMessageContaining("[25]");
    }
}
