package org.cvkit.face.gallery;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON form of a gallery, format version {@value #VERSION}, as {@link GalleryFile} describes it. Reading checks
 * the format name and version before anything else, then requires every field, allows no unknown or duplicate ones
 * and converts no strings or fractions to numbers.
 */
final class GalleryJson {

    /** The value of the {@code format} field. */
    static final String FORMAT = "cvkit-face-gallery";
    /** The format version written, and the newest one read. */
    static final int VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private GalleryJson() {
    }

    /** Writes a gallery as JSON, people in name order. */
    static void write(Gallery gallery, OutputStream out) throws IOException {
        List<PersonJson> people = gallery.people().stream()
                .map(person -> new PersonJson(person.name(),
                        person.embeddings().stream().map(Embedding::toArray).toList()))
                .toList();
        MatchPolicy policy = gallery.policy();
        MAPPER.writeValue(out, new FileJson(FORMAT, VERSION, gallery.space().encoder(), gallery.space().dimension(),
                new PolicyJson(policy.metric(), policy.threshold(), policy.personDistance()), people));
    }

    /**
     * @param json the file's bytes
     * @param file the file, for messages
     * @return the gallery
     * @throws GalleryFileException if the bytes are not a readable gallery
     */
    static Gallery read(byte[] json, Path file) throws GalleryFileException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (IOException e) {
            String problem = e instanceof JsonProcessingException parsing ? parsing.getOriginalMessage() : e.getMessage();
            throw new GalleryFileException(file, "is not valid JSON (" + problem + "); it is damaged or not a gallery",
                    e);
        }
        checkFormatAndVersion(tree, file);
        try {
            return MAPPER.treeToValue(tree, FileJson.class).toGallery();
        } catch (JsonProcessingException e) {
            throw new GalleryFileException(file, "is damaged: " + located(e), e);
        } catch (IllegalArgumentException e) {
            throw new GalleryFileException(file, "is damaged: " + e.getMessage(), e);
        }
    }

    /** @return Jackson's message, preceded by where in the file the problem is, e.g. {@code people[0].name} */
    private static String located(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return e.getOriginalMessage();
        }
        StringBuilder where = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() == null) {
                where.append('[').append(reference.getIndex()).append(']');
            } else {
                where.append(where.length() == 0 ? "" : ".").append(reference.getFieldName());
            }
        }
        return where + ": " + e.getOriginalMessage();
    }

    private static void checkFormatAndVersion(JsonNode tree, Path file) throws GalleryFileException {
        if (!FORMAT.equals(tree.path("format").textValue())) {
            throw new GalleryFileException(file, "is not a cvkit face gallery (its \"format\" is not \"" + FORMAT
                    + "\")", null);
        }
        JsonNode version = tree.path("version");
        if (!version.isInt() || version.intValue() < 1) {
            throw new GalleryFileException(file, "has no valid format version (found " + version + ")", null);
        }
        if (version.intValue() > VERSION) {
            throw new GalleryFileException(file, "was written by a newer cvkit (gallery format version "
                    + version.intValue() + "; this version reads up to " + VERSION + "); upgrade cvkit to read it",
                    null);
        }
    }

    @JsonPropertyOrder({"format", "version", "encoder", "dimension", "policy", "people"})
    private record FileJson(String format, int version, String encoder, int dimension, PolicyJson policy,
                            List<PersonJson> people) {

        Gallery toGallery() {
            EmbeddingSpace space = new EmbeddingSpace(encoder, dimension);
            MatchPolicy matchPolicy = new MatchPolicy(policy.metric, policy.threshold, policy.personDistance);
            List<EnrolledPerson> enrolled = new ArrayList<>();
            for (int i = 0; i < people.size(); i++) {
                if (people.get(i) == null) {
                    throw new IllegalArgumentException("people[" + i + "] is null");
                }
                enrolled.add(people.get(i).toPerson());
            }
            return Gallery.of(space, matchPolicy, enrolled);
        }
    }

    @JsonPropertyOrder({"metric", "threshold", "personDistance"})
    private record PolicyJson(DistanceMetric metric, double threshold, PersonDistance personDistance) {
    }

    @JsonPropertyOrder({"name", "embeddings"})
    private record PersonJson(String name, List<float[]> embeddings) {

        EnrolledPerson toPerson() {
            return new EnrolledPerson(name, embeddings.stream().map(Embedding::of).toList());
        }
    }
}
