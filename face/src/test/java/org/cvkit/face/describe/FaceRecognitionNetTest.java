package org.cvkit.face.describe;

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

class FaceRecognitionNetTest {

    private static Map<String, WeightTensor> weights;
    private static FaceRecognitionNet net;

    @BeforeAll
    static void loadNet() throws IOException {
        weights = FaceApiReference.weights("face_recognition_model");
        net = FaceRecognitionNet.fromWeights(weights);
    }

    /** synthetic_raw.json: face-api's descriptor for the 150 x 150 input (31y + 17x + 7c) % 256. */
    @Test
    void descriptorEqualsFaceApiOnTheSyntheticInput() throws IOException {
        JsonNode expected = FaceApiReference.syntheticOutput("faceRecognitionNet", "output");
        float[] rgb = FaceApiReference.syntheticRgb(FaceRecognitionInput.SIZE);

        float[] actual;
        try (INDArray input = FaceRecognitionInput.normalize(rgb);
             INDArray descriptors = net.descriptors(input)) {
            assertThat(descriptors.shape()).containsExactly(1, FaceRecognitionNet.DESCRIPTOR_LENGTH);
            actual = descriptors.data().asFloat();
        }
        double maxAbsDiff = FaceApiReference.maxAbsDifference(actual, expected);
        System.out.println("face recognition net, synthetic input: max abs diff vs face-api = " + maxAbsDiff);
        assertThat(maxAbsDiff).isLessThan(1e-5);
    }

    /** A crop that already has the net's size is neither padded nor resampled, only normalized. */
    @Test
    void aCropOfTheNetsSizeIsOnlyNormalized() {
        int size = FaceRecognitionInput.SIZE;
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

        try (INDArray fromCrop = FaceRecognitionInput.fromCrop(crop);
             INDArray normalized = FaceRecognitionInput.normalize(rgb)) {
            assertThat(fromCrop).isEqualTo(normalized);
        }
    }

    @Test
    void rejectsAnInputOfAnotherSize() {
        try (INDArray input = Nd4j.zeros(1, 3, 112, 112)) {
            assertThatThrownBy(() -> net.descriptors(input)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("[N, 3, 150, 150]").hasMessageContaining("[1, 3, 112, 112]");
        }
    }

    @Test
    void rejectsPixelsOfAnotherSize() {
        assertThatThrownBy(() -> FaceRecognitionInput.normalize(new float[100]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("67500")
                .hasMessageContaining("150 x 150");
    }

    @Test
    void rejectsWeightsWithoutATensor() {
        Map<String, WeightTensor> incomplete = new HashMap<>(weights);
        incomplete.remove("conv128_2/conv2/scale/biases");

        assertThatThrownBy(() -> FaceRecognitionNet.fromWeights(incomplete))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("conv128_2/conv2/scale/biases");
    }
}
