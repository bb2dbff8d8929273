package org.cvkit.face.gallery;

/**
 * Where a gallery's embeddings come from: the encoder's name and the length of its embeddings. Embeddings of
 * different encoders are not comparable even when their lengths agree, so a gallery records both.
 *
 * @param encoder   a name that identifies the encoder and its weights, e.g. {@code face-api/face_recognition_model}
 * @param dimension the number of values in each embedding, at least 1
 */
public record EmbeddingSpace(String encoder, int dimension) {

    /** @throws IllegalArgumentException if the encoder name is blank or the dimension is not positive */
    public EmbeddingSpace {
        if (encoder == null || encoder.isBlank()) {
            throw new IllegalArgumentException("the encoder needs a name (e.g. face-api/face_recognition_model) so "
                    + "that a gallery is never used with embeddings from another encoder");
        }
        if (dimension < 1) {
            throw new IllegalArgumentException("the embedding dimension must be at least 1 but is " + dimension);
        }
    }

    /**
     * @param embedding an embedding to store or compare in this space
     * @throws IllegalArgumentException if its dimension is not this space's
     */
    public void requireCompatible(Embedding embedding) {
        if (embedding.dimension() != dimension) {
            throw new IllegalArgumentException("the embedding has " + embedding.dimension() + " values but this "
                    + "gallery holds " + dimension + "-d embeddings from encoder '" + encoder
                    + "'; describe faces with that encoder");
        }
    }

    @Override
    public String toString() {
        return "'" + encoder + "' (" + dimension + "-d)";
    }
}
