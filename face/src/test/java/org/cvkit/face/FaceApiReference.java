package org.cvkit.face;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.cvkit.zoo.SharedAssets;
import org.cvkit.zoo.format.WeightTensor;
import org.cvkit.zoo.format.tfjs.TfjsWeightsReader;

/**
 * What the face-net tests share: the mirrored TF.js weights, the synthetic input of face-api's reference
 * generator, and its recorded outputs in {@code face-api/synthetic_raw.json}.
 */
public final class FaceApiReference {

    private FaceApiReference() {
    }

    /**
     * @param model the asset name prefix, e.g. {@code face_recognition_model}
     * @return the dequantized weights of that model, by tensor name
     * @throws IOException if the files cannot be read
     */
    public static Map<String, WeightTensor> weights(String model) throws IOException {
        Path manifest = SharedAssets.resolve(model + "-weights_manifest.json");
        Path shard = SharedAssets.resolve(model + ".bin");
        return TfjsWeightsReader.read(manifest, path -> shard);
    }

    /**
     * The generator's synthetic image: pixel {@code (y, x)} channel {@code c} is {@code (31y + 17x + 7c) % 256}.
     *
     * @param size the side of the square image
     * @return interleaved RGB levels, row by row
     */
    public static float[] syntheticRgb(int size) {
        float[] rgb = new float[size * size * 3];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                for (int c = 0; c < 3; c++) {
                    rgb[(y * size + x) * 3 + c] = (y * 31 + x * 17 + c * 7) % 256;
                }
            }
        }
        return rgb;
    }

    /**
     * @param net   the net's key in {@code synthetic_raw.json}, e.g. {@code faceRecognitionNet}
     * @param field the output's key below it
     * @return the recorded values
     * @throws IOException if the reference cannot be read
     */
    public static JsonNode syntheticOutput(String net, String field) throws IOException {
        return new ObjectMapper().readTree(SharedAssets.reference("face-api/synthetic_raw.json").toFile())
                .path(net).path(field);
    }

    /**
     * @param actual   the port's values
     * @param expected face-api's values, as many
     * @return the largest absolute difference
     */
    public static double maxAbsDifference(float[] actual, JsonNode expected) {
        if (actual.length != expected.size()) {
            throw new AssertionError("expected " + expected.size() + " values but got " + actual.length);
        }
        double max = 0;
        for (int i = 0; i < actual.length; i++) {
            max = Math.max(max, Math.abs(actual[i] - expected.get(i).asDouble()));
        }
        return max;
    }
}
