package org.cvkit.face.landmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.cvkit.face.FaceApiReference;
import org.cvkit.zoo.format.ModelFormatException;
import org.cvkit.zoo.format.WeightTensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FaceLandmark68NetTest {

    private static Map<String, WeightTensor> weights;
    private static FaceLandmark68Net net;

    @BeforeAll
    static void loadNet() throws IOException {
        weights = FaceApiReference.weights("face_landmark_68_model");
        net = FaceLandmark68Net.fromWeights(weights);
    }

    /** synthetic_raw.json: face-api's raw fc output for the 112 x 112 input (31y + 17x + 7c) % 256. */
    @Test
    void rawOutputEqualsFaceApiOnTheSyntheticInput() throws IOException {
        JsonNode expected = FaceApiReference.syntheticOutput("faceLandmark68Net", "rawOutput136");
        float[] rgb = FaceApiReference.syntheticRgb(FaceLandmarkInput.SIZE);

        float[] actual;
        try (INDArray input = FaceLandmarkInput.normalize(rgb);
             INDArray output = net.rawOutput(input)) {
            assertThat(output.shape()).containsExactly(1, FaceLandmark68Net.OUTPUT_LENGTH);
            actual = output.data().asFloat();
        }
        double maxAbsDiff = FaceApiReference.maxAbsDifference(actual, expected);
        System.out.println("landmark net, synthetic input: max abs diff vs face-api = " + maxAbsDiff);
        assertThat(maxAbsDiff).isLessThan(1e-5);
    }

    /** A crop that already has the net's size is neither padded nor resampled, only normalized. */
    @Test
    void aCropOfTheNetsSizeIsOnlyNormalized() {
        int size = FaceLandmarkInput.SIZE;
        BufferedImage crop = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        float[] rgb = new float[size * size * 3];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int r = (y * 31 + x * 17) % 256;
                crop.setRGB(x, y, r << 16 | (255 - r) << 8 | x % 256);
                rgb[(y * size + x) * 3] = r;
                rgb[(y * size + x) * 3 + 1] = 255 - r;
                rgb[(y * size + x) * 3 + 2] = x % 256;
            }
        }

        try (INDArray fromCrop = FaceLandmarkInput.fromCrop(crop);
             INDArray normalized = FaceLandmarkInput.normalize(rgb)) {
            assertThat(fromCrop).isEqualTo(normalized);
        }
    }

    @Test
    void rejectsAnInputOfAnotherSize() {
        try (INDArray input = Nd4j.zeros(1, 3, 150, 150)) {
            assertThatThrownBy(() -> net.rawOutput(input)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("[N, 3, 112, 112]").hasMessageContaining("[1, 3, 150, 150]");
        }
    }

    @Test
    void rejectsPixelsOfAnotherSize() {
        assertThatThrownBy(() -> FaceLandmarkInput.normalize(new float[100]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("37632")
                .hasMessageContaining("112 x 112");
    }

    @Test
    void rejectsWeightsWithoutATensor() {
        Map<String, WeightTensor> incomplete = new HashMap<>(weights);
        incomplete.remove("dense2/conv3/pointwise_filter");

        assertThatThrownBy(() -> FaceLandmark68Net.fromWeights(incomplete))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("dense2/conv3/pointwise_filter");
    }
}
