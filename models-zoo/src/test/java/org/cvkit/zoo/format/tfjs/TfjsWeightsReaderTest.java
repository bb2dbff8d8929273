package org.cvkit.zoo.format.tfjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cvkit.zoo.SharedAssets;
import org.cvkit.zoo.format.ModelFormatException;
import org.cvkit.zoo.format.WeightTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TfjsWeightsReaderTest {

    @TempDir
    Path folder;

    /** face-api's own loader (tf.io.decodeWeights) produced the per-tensor sums in weights_checksums.json. */
    @ParameterizedTest
    @ValueSource(strings = {"tiny_face_detector_model", "face_landmark_68_model", "face_recognition_model"})
    void dequantizesFaceApiModelsExactlyAsTfjsDoes(String model) throws IOException {
        JsonNode reference = new ObjectMapper()
                .readTree(SharedAssets.reference("face-api/weights_checksums.json").toFile())
                .path("models").path(model).path("weights");
        Map<String, Path> files = SharedAssets.store().resolveAll(model + "-weights_manifest.json");
        Path shard = SharedAssets.resolve(model + ".bin");

        Map<String, WeightTensor> tensors = TfjsWeightsReader.read(files.values().iterator().next(),
                path -> shard);

        assertThat(tensors).hasSize(reference.size());
        for (JsonNode expected : reference) {
            WeightTensor tensor = tensors.get(expected.path("name").asText());
            String name = expected.path("name").asText();
            assertThat(tensor).as(name).isNotNull();
            assertThat(tensor.shape()).as(name).containsExactly(longs(expected.path("shape")));
            float[] values = tensor.toFloatArray();
            double sum = 0;
            double sumAbs = 0;
            for (float value : values) {
                sum += value;
                sumAbs += Math.abs(value);
            }
            assertThat(sum).as(name + " sum").isEqualTo(expected.path("sum").asDouble());
            assertThat(sumAbs).as(name + " sumAbs").isEqualTo(expected.path("sumAbs").asDouble());
            for (int i = 0; i < expected.path("first5").size(); i++) {
                assertThat(values[i]).as(name + "[" + i + "]").isEqualTo((float) expected.path("first5").get(i)
                        .asDouble());
            }
        }
    }

    @Test
    void readsTheSsdModelWithItsInt32ConstantsNextToTheManifest() throws IOException {
        SharedAssets.resolve("ssd_mobilenetv1_model.bin");

        Map<String, WeightTensor> tensors = TfjsWeightsReader.read(
                SharedAssets.resolve("ssd_mobilenetv1_model-weights_manifest.json"));

        assertThat(tensors).hasSize(151);
        assertThat(tensors.get("Postprocessor/stack/1").toFloatArray()).containsExactly(5118f);
        assertThat(tensors.get("Postprocessor/stack/1").shape()).isEmpty();
        assertThat(tensors.get("Preprocessor/ResizeImage/size").toFloatArray()).containsExactly(512f, 512f);
        // q = 255 with scale 1/255 and min 0 gives 1.0000000000000002, which rounds to the integer 1.
        assertThat(tensors.get("Postprocessor/Slice/begin").toFloatArray()).containsExactly(0f, 0f, 1f);
        assertThat(tensors.get("Postprocessor/Slice/size").toFloatArray()).containsExactly(-1f, -1f, -1f);
        WeightTensor extra = tensors.get("Output/extra_dim");
        assertThat(extra.shape()).containsExactly(1, 5118, 4);
        assertThat(extra.get(0)).isEqualTo(-0.03437500074505806f);
        assertThat(extra.get(2)).isEqualTo(0.06562499701976776f);
    }

    @Test
    void concatenatesShardsInOrderAndDecodesEveryStorage() throws IOException {
        writeShard("a.bin", ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN)
                .putFloat(1.5f).putFloat(-2.25f).put((byte) 0).put((byte) 255));
        writeShard("b.bin", ByteBuffer.allocate(17).order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) 4)
                .putShort((short) 0x3C00).putShort((short) 0xC000).putShort((short) 0x7BFF).putShort((short) 0x0001)
                .putShort((short) 1000).putInt(-7).putShort((short) 3));
        writeManifest("""
                [{"paths": ["a.bin", "b.bin"], "weights": [
                  {"name": "f", "shape": [2], "dtype": "float32"},
                  {"name": "q8", "shape": [3], "dtype": "float32",
                   "quantization": {"dtype": "uint8", "scale": 0.5, "min": -1.0}},
                  {"name": "half", "shape": [2, 2], "dtype": "float32", "quantization": {"dtype": "float16"}},
                  {"name": "q16", "shape": [1], "dtype": "float32",
                   "quantization": {"dtype": "uint16", "scale": 0.001, "min": 2}},
                  {"name": "i", "shape": [], "dtype": "int32"},
                  {"name": "qi", "shape": [1], "dtype": "int32",
                   "quantization": {"dtype": "uint16", "scale": 0.5, "min": 1}}]}]""");

        Map<String, WeightTensor> tensors = TfjsWeightsReader.read(folder.resolve("manifest.json"));

        assertThat(tensors.keySet()).containsExactly("f", "q8", "half", "q16", "i", "qi");
        assertThat(tensors.get("f").toFloatArray()).containsExactly(1.5f, -2.25f);
        // uint8 values 0, 255 (end of a.bin) and 4 (start of b.bin): q * 0.5 - 1.
        assertThat(tensors.get("q8").toFloatArray()).containsExactly(-1f, 126.5f, 1f);
        // IEEE halves: 1, -2, the largest finite half 65504, and the smallest subnormal 2^-24.
        assertThat(tensors.get("half").toFloatArray()).containsExactly(1f, -2f, 65504f, 0x1p-24f);
        assertThat(tensors.get("half").shape()).containsExactly(2, 2);
        assertThat(tensors.get("q16").toFloatArray()).containsExactly((float) (1000 * 0.001 + 2));
        assertThat(tensors.get("i").toFloatArray()).containsExactly(-7f);
        // 3 * 0.5 + 1 = 2.5 rounds half up to 3, as JavaScript's Math.round does.
        assertThat(tensors.get("qi").toFloatArray()).containsExactly(3f);
    }

    @Test
    void decodesSpecialHalfPrecisionValues() {
        assertThat(TfjsWeightsReader.halfToFloat(0x7C00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(TfjsWeightsReader.halfToFloat(0xFC00)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(TfjsWeightsReader.halfToFloat(0x7E00)).isNaN();
        assertThat(TfjsWeightsReader.halfToFloat(0x8000)).isEqualTo(-0f);
        assertThat(TfjsWeightsReader.halfToFloat(0x3555)).isEqualTo(0.333251953125f);
        assertThat(TfjsWeightsReader.halfToFloat(0x03FF)).isEqualTo(1023 * 0x1p-24f);
    }

    @Test
    void acceptsAModelJsonWithAWeightsManifest() throws IOException {
        writeShard("w.bin", ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(3f));
        Path model = Files.writeString(folder.resolve("model.json"), """
                {"modelTopology": {}, "weightsManifest": [
                  {"paths": ["w.bin"], "weights": [{"name": "w", "shape": [1, 1], "dtype": "float32"}]}]}""");

        assertThat(TfjsWeightsReader.read(model).get("w").toFloatArray()).containsExactly(3f);
    }

    @Test
    void truncatedAndOverLongShardsNameTheWeight() throws IOException {
        writeShard("w.bin", ByteBuffer.allocate(6));
        writeManifest("""
                [{"paths": ["w.bin"], "weights": [{"name": "a", "shape": [1], "dtype": "float32"},
                                                  {"name": "b", "shape": [1], "dtype": "float32"}]}]""");
        assertThatThrownBy(() -> TfjsWeightsReader.read(folder.resolve("manifest.json")))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("the shards of manifest.json are truncated: weight b needs 4 bytes at byte 4 but only 2"
                        + " remain");

        writeManifest("""
                [{"paths": ["w.bin"], "weights": [{"name": "a", "shape": [1], "dtype": "float32"}]}]""");
        assertThatThrownBy(() -> TfjsWeightsReader.read(folder.resolve("manifest.json")))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("the shards of manifest.json group 0 are over-long: 2 bytes remain after weight a");
    }

    @Test
    void rejectsMalformedManifests() throws IOException {
        writeShard("w.bin", ByteBuffer.allocate(4));
        expectEntryError("{\"name\": \"a\", \"shape\": [1], \"dtype\": \"bool\"}",
                "manifest.json weight a has dtype 'bool'; supported are float32 and int32");
        expectEntryError("{\"name\": \"a\", \"shape\": [1], \"dtype\": \"float32\","
                        + " \"quantization\": {\"dtype\": \"int4\"}}",
                "manifest.json weight a has quantization dtype 'int4'; supported are uint8, uint16 and float16");
        expectEntryError("{\"name\": \"a\", \"shape\": [1], \"dtype\": \"int32\","
                        + " \"quantization\": {\"dtype\": \"float16\"}}",
                "manifest.json weight a is float16-quantized, which only float32 weights may be");
        expectEntryError("{\"name\": \"a\", \"shape\": [1], \"dtype\": \"float32\","
                        + " \"quantization\": {\"dtype\": \"uint8\", \"min\": 0}}",
                "manifest.json: a lacks the field 'scale'");
        expectEntryError("{\"name\": \"a\", \"shape\": [1.5], \"dtype\": \"float32\"}",
                "manifest.json weight a has shape [1.5]; dimensions must be non-negative whole numbers");
        expectEntryError("{\"shape\": [1], \"dtype\": \"float32\"}",
                "manifest.json: a weight entry lacks the field 'name'");
        expectEntryError("{\"name\": \"a\", \"shape\": [], \"dtype\": \"float32\"},"
                        + " {\"name\": \"a\", \"shape\": [0], \"dtype\": \"float32\"}",
                "manifest.json names the weight a twice");
        expectError("{\"weights\": []}",
                "manifest.json must be a JSON array of weight groups (or an object with a weightsManifest array)");
        writeManifest("[{\"paths\": [\"w.bin\"], \"weights\": [");
        assertThatThrownBy(() -> TfjsWeightsReader.read(folder.resolve("manifest.json")))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageStartingWith("manifest.json is not valid JSON: Unexpected end-of-input");
    }

    @Test
    void int32ValuesMustBeExactFloats() throws IOException {
        writeShard("w.bin", ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((1 << 24) + 1));
        expectEntryError("{\"name\": \"big\", \"shape\": [1], \"dtype\": \"int32\"}",
                "manifest.json int32 weight big holds 16777217, which a float cannot represent exactly");
    }

    @Test
    void shardsMustExistAndStayInTheManifestFolder() throws IOException {
        expectError("[{\"paths\": [\"../outside.bin\"], \"weights\": []}]",
                "manifest.json refers to the shard ../outside.bin, which lies outside the manifest's folder "
                        + folder.toAbsolutePath());
        expectError("[{\"paths\": [\"missing.bin\"], \"weights\": []}]",
                "manifest.json needs the shard missing.bin at " + folder.toAbsolutePath().resolve("missing.bin")
                        + ", which does not exist");
    }

    /** Expects {@code message} for a manifest of one group over {@code w.bin} holding the given entries. */
    private void expectEntryError(String entries, String message) throws IOException {
        expectError("[{\"paths\": [\"w.bin\"], \"weights\": [" + entries + "]}]", message);
    }

    private void expectError(String manifest, String message) throws IOException {
        writeManifest(manifest);
        assertThatThrownBy(() -> TfjsWeightsReader.read(folder.resolve("manifest.json")))
                .isInstanceOf(ModelFormatException.class).hasMessage(message);
    }

    private void writeManifest(String json) throws IOException {
        Files.writeString(folder.resolve("manifest.json"), json);
    }

    private void writeShard(String name, ByteBuffer bytes) throws IOException {
        Files.write(folder.resolve(name), bytes.array());
    }

    private static long[] longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asLong()));
        return values.stream().mapToLong(Long::longValue).toArray();
    }
}
