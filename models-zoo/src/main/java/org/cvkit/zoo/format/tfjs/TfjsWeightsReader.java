package org.cvkit.zoo.format.tfjs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.cvkit.zoo.format.ModelFormatException;
import org.cvkit.zoo.format.WeightTensor;

/**
 * Reads TensorFlow.js weights as {@link WeightTensor}s, dequantized as {@code tf.io.decodeWeights} does.
 *
 * <p>The manifest is a JSON array of groups, each {@code {"paths": [shard files], "weights": [entries]}}; a
 * {@code model.json} with a {@code weightsManifest} field is accepted too. A group's shards are concatenated in
 * order and its entries take consecutive bytes from them. An entry has a {@code name}, a {@code shape} and a
 * {@code dtype} ({@code float32} or {@code int32}, little-endian), and optionally a {@code quantization}:
 * <ul>
 *   <li>{@code uint8} or {@code uint16} with {@code scale} and {@code min}: value = {@code q * scale + min},
 *       computed in double and rounded to float32 (rounded to the nearest integer for int32 entries);</li>
 *   <li>{@code float16} (float32 entries only): IEEE half-precision values.</li>
 * </ul>
 * int32 values become exact floats; an int32 beyond +-2^24, which a float cannot hold exactly, is an error.
 * Each group's shards must be exactly as long as its entries need.
 */
public final class TfjsWeightsReader {

    private static final int EXACT_FLOAT_INTEGERS = 1 << 24;

    private TfjsWeightsReader() {
    }

    /**
     * Reads a manifest whose shards sit next to it.
     *
     * @param manifest a {@code weights_manifest.json} or {@code model.json}
     * @return tensor name to tensor, in manifest order
     * @throws IOException          if the manifest or a shard cannot be read
     * @throws ModelFormatException if the manifest is malformed, names a shard outside its folder, or the shards
     *                              do not match it
     */
    public static Map<String, WeightTensor> read(Path manifest) throws IOException {
        Path folder = manifest.toAbsolutePath().getParent();
        return read(manifest, path -> {
            Path shard = folder.resolve(path).normalize();
            if (!shard.startsWith(folder)) {
                throw new ModelFormatException(manifest.getFileName() + " refers to the shard " + path
                        + ", which lies outside the manifest's folder " + folder);
            }
            return shard;
        });
    }

    /**
     * Reads a manifest whose shards are found by the caller, for example through the asset store.
     *
     * @param manifest a {@code weights_manifest.json} or {@code model.json}
     * @param shards   maps each path listed in the manifest to the file holding that shard
     * @return tensor name to tensor, in manifest order
     * @throws IOException          if the manifest or a shard cannot be read
     * @throws ModelFormatException if the manifest is malformed or the shards do not match it
     */
    public static Map<String, WeightTensor> read(Path manifest, Function<String, Path> shards) throws IOException {
        String source = manifest.getFileName().toString();
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(manifest.toFile());
        } catch (JsonProcessingException e) {
            throw new ModelFormatException(source + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode groups = root.isObject() ? root.path("weightsManifest") : root;
        if (!groups.isArray()) {
            throw new ModelFormatException(source
                    + " must be a JSON array of weight groups (or an object with a weightsManifest array)");
        }
        Map<String, WeightTensor> tensors = new LinkedHashMap<>();
        int groupIndex = 0;
        for (JsonNode group : groups) {
            ByteBuffer data = ByteBuffer.wrap(concatenate(source, shards, group, groupIndex))
                    .order(ByteOrder.LITTLE_ENDIAN);
            String last = "its start";
            for (JsonNode entry : required(source, group, "weights", "group " + groupIndex)) {
                WeightTensor tensor = decode(source, entry, data);
                if (tensors.putIfAbsent(tensor.name(), tensor) != null) {
                    throw new ModelFormatException(source + " names the weight " + tensor.name() + " twice");
                }
                last = "weight " + tensor.name();
            }
            if (data.hasRemaining()) {
                throw new ModelFormatException(String.format(Locale.ROOT, "the shards of %s group %d are over-long:"
                        + " %,d bytes remain after %s", source, groupIndex, data.remaining(), last));
            }
            groupIndex++;
        }
        return Collections.unmodifiableMap(tensors);
    }

    private static byte[] concatenate(String source, Function<String, Path> shards, JsonNode group, int groupIndex)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (JsonNode path : required(source, group, "paths", "group " + groupIndex)) {
            Path shard = shards.apply(path.asText());
            try {
                bytes.write(Files.readAllBytes(shard));
            } catch (NoSuchFileException e) {
                throw new ModelFormatException(source + " needs the shard " + path.asText() + " at " + shard
                        + ", which does not exist", e);
            }
        }
        return bytes.toByteArray();
    }

    private static WeightTensor decode(String source, JsonNode entry, ByteBuffer data) {
        String name = required(source, entry, "name", "a weight entry").asText();
        long[] shape = shape(source, name, required(source, entry, "shape", name));
        String dtype = required(source, entry, "dtype", name).asText();
        if (!dtype.equals("float32") && !dtype.equals("int32")) {
            throw new ModelFormatException(source + " weight " + name + " has dtype '" + dtype
                    + "'; supported are float32 and int32");
        }
        long count = 1;
        for (long dimension : shape) {
            count = Math.min(count * dimension, 1L << 31); // saturates: no shard holds 2^31 values
        }
        JsonNode quantization = entry.get("quantization");
        String stored = quantization == null ? dtype : required(source, quantization, "dtype", name).asText();
        int width = switch (stored) {
            case "float32", "int32" -> 4;
            case "uint16", "float16" -> 2;
            case "uint8" -> 1;
            default -> throw new ModelFormatException(source + " weight " + name + " has quantization dtype '"
                    + stored + "'; supported are uint8, uint16 and float16");
        };
        if (data.remaining() < count * width) {
            throw new ModelFormatException(String.format(Locale.ROOT, "the shards of %s are truncated: weight %s"
                    + " needs %,d bytes at byte %,d but only %,d remain", source, name, count * width,
                    data.position(), data.remaining()));
        }
        float[] values = new float[(int) count];
        if (quantization == null) {
            readRaw(source, name, dtype, data, values);
        } else {
            dequantize(source, name, dtype, stored, quantization, data, values);
        }
        return WeightTensor.of(name, shape, values);
    }

    private static void readRaw(String source, String name, String dtype, ByteBuffer data, float[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = dtype.equals("float32") ? data.getFloat() : exactInteger(source, name, data.getInt());
        }
    }

    private static void dequantize(String source, String name, String dtype, String stored, JsonNode quantization,
            ByteBuffer data, float[] values) {
        if (stored.equals("float16")) {
            if (!dtype.equals("float32")) {
                throw new ModelFormatException(source + " weight " + name
                        + " is float16-quantized, which only float32 weights may be");
            }
            for (int i = 0; i < values.length; i++) {
                values[i] = halfToFloat(Short.toUnsignedInt(data.getShort()));
            }
            return;
        }
        double scale = required(source, quantization, "scale", name).asDouble();
        double min = required(source, quantization, "min", name).asDouble();
        for (int i = 0; i < values.length; i++) {
            int q = stored.equals("uint8") ? Byte.toUnsignedInt(data.get()) : Short.toUnsignedInt(data.getShort());
            double value = q * scale + min;
            values[i] = dtype.equals("float32") ? (float) value : exactInteger(source, name, Math.round(value));
        }
    }

    private static float exactInteger(String source, String name, long value) {
        if (Math.abs(value) > EXACT_FLOAT_INTEGERS) {
            throw new ModelFormatException(source + " int32 weight " + name + " holds " + value
                    + ", which a float cannot represent exactly");
        }
        return value;
    }

    /**
     * @param bits an IEEE 754 half-precision value in the low 16 bits
     * @return the same value as a float (exact: every half is a float)
     */
    static float halfToFloat(int bits) {
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        float magnitude;
        if (exponent == 0) {
            magnitude = mantissa * 0x1p-24f;
        } else if (exponent == 0x1f) {
            magnitude = mantissa == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
        } else {
            magnitude = Float.intBitsToFloat((exponent + 112) << 23 | mantissa << 13);
        }
        return (bits & 0x8000) != 0 ? -magnitude : magnitude;
    }

    private static long[] shape(String source, String name, JsonNode shape) {
        if (!shape.isArray()) {
            throw new ModelFormatException(source + " weight " + name + " has a shape that is not an array");
        }
        long[] dimensions = new long[shape.size()];
        for (int i = 0; i < dimensions.length; i++) {
            JsonNode dimension = shape.get(i);
            if (!dimension.isIntegralNumber() || !dimension.canConvertToInt() || dimension.asInt() < 0) {
                throw new ModelFormatException(source + " weight " + name + " has shape " + shape
                        + "; dimensions must be non-negative whole numbers");
            }
            dimensions[i] = dimension.asInt();
        }
        return dimensions;
    }

    private static JsonNode required(String source, JsonNode node, String field, String owner) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new ModelFormatException(source + ": " + owner + " lacks the field '" + field + "'");
        }
        return value;
    }
}
