package org.cvkit.face.gallery;

import java.util.ArrayList;
import java.util.List;

/**
 * A person in a gallery: a name and the embeddings of their enrolled photos, in enrollment order.
 *
 * @param name       the name: not blank, without leading or trailing white space or control characters
 * @param embeddings at least one embedding, all of one dimension; copied
 */
public record EnrolledPerson(String name, List<Embedding> embeddings) {

    /** @throws IllegalArgumentException if the name is not usable or the embeddings are missing or mixed */
    public EnrolledPerson {
        requireValidName(name);
        if (embeddings == null || embeddings.isEmpty()) {
            throw new IllegalArgumentException("enrolling '" + name + "' needs at least one embedding");
        }
        embeddings = List.copyOf(embeddings);
        int dimension = embeddings.get(0).dimension();
        for (Embedding embedding : embeddings) {
            if (embedding.dimension() != dimension) {
                throw new IllegalArgumentException("the embeddings of '" + name + "' have " + dimension + " and "
                        + embedding.dimension() + " values; all must come from the same encoder");
            }
        }
    }

    /**
     * @param more further embeddings of this person
     * @return this person with the further embeddings appended
     */
    EnrolledPerson withMore(List<Embedding> more) {
        List<Embedding> all = new ArrayList<>(embeddings);
        all.addAll(more);
        return new EnrolledPerson(name, all);
    }

    @Override
    public String toString() {
        return "EnrolledPerson[" + name + ", " + embeddings.size() + " embeddings]";
    }

    private static void requireValidName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a person's name must not be empty; give the name to enroll them as");
        }
        if (!name.equals(name.strip())) {
            throw new IllegalArgumentException("the name '" + name
                    + "' starts or ends with white space; remove it so that the name can be typed back");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the name " + name.strip().replaceAll("\\p{Cntrl}", "?")
                    + " contains control characters (tab, new line, ...); use printable characters only");
        }
    }
}
