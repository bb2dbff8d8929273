package org.cvkit.core.io;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.cvkit.core.image.Normalization;
import org.nd4j.shade.jackson.core.JsonGenerator;
import org.nd4j.shade.jackson.core.JsonParser;
import org.nd4j.shade.jackson.databind.DeserializationContext;
import org.nd4j.shade.jackson.databind.DeserializationFeature;
import org.nd4j.shade.jackson.databind.JsonDeserializer;
import org.nd4j.shade.jackson.databind.JsonSerializer;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.SerializationFeature;
import org.nd4j.shade.jackson.databind.SerializerProvider;
import org.nd4j.shade.jackson.databind.module.SimpleModule;

/**
 * JSON form of {@link ModelMetadata}. Uses the Jackson that ND4J shades ({@code org.nd4j.shade.jackson}), because
 * plain {@code com.fasterxml.jackson} is not on cnn-core's class path. Instants are written as ISO-8601 text,
 * normalizations as {@code {"scale": s, "mean": [...], "std": [...]}}; unknown properties are ignored so that files
 * from newer versions still load.
 */
final class MetadataJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule("cvkit-metadata")
                    .addSerializer(Instant.class, new InstantSerializer())
                    .addDeserializer(Instant.class, new InstantDeserializer())
                    .addSerializer(Normalization.class, new NormalizationSerializer())
                    .addDeserializer(Normalization.class, new NormalizationDeserializer()))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private MetadataJson() {
    }

    static byte[] write(ModelMetadata metadata) throws IOException {
        return MAPPER.writeValueAsBytes(metadata);
    }

    /** @throws IOException if the JSON is malformed or describes invalid metadata */
    static ModelMetadata read(byte[] json) throws IOException {
        return MAPPER.readValue(json, ModelMetadata.class);
    }

    private static final class InstantSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(value.toString());
        }
    }

    private static final class InstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            if (text != null) {
                try {
                    return Instant.parse(text);
                } catch (DateTimeParseException e) {
                    // reported below with the expected form
                }
            }
            return (Instant) context.handleWeirdStringValue(Instant.class, text,
                    "expected an ISO-8601 instant such as 2024-01-31T12:00:00Z");
        }
    }

    private static final class NormalizationSerializer extends JsonSerializer<Normalization> {
        @Override
        public void serialize(Normalization value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeStartObject();
            generator.writeNumberField("scale", value.scale());
            generator.writeObjectField("mean", value.mean());
            generator.writeObjectField("std", value.std());
            generator.writeEndObject();
        }
    }

    private static final class NormalizationDeserializer extends JsonDeserializer<Normalization> {
        @Override
        public Normalization deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            NormalizationFields fields = parser.readValueAs(NormalizationFields.class);
            if (fields.mean == null || fields.std == null) {
                return context.reportInputMismatch(Normalization.class, "normalization needs scale, mean and std");
            }
            return Normalization.of(fields.scale, fields.mean, fields.std);
        }
    }

    /** The JSON fields of a normalization. */
    private static final class NormalizationFields {
        public double scale;
        public double[] mean;
        public double[] std;
    }
}
