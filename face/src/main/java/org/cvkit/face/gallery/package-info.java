/**
 * A gallery of enrolled people for face verification, independent of the encoder that made the embeddings
 * (face-api's 128-d descriptors, L2-normalized Siamese embeddings, ...).
 *
 * <p>{@link org.cvkit.face.gallery.Gallery} enrolls a person from one embedding (one-shot) or several, verifies a
 * probe against one person (1:1, {@link org.cvkit.face.gallery.Verification}) and identifies it among everyone
 * (1:N, {@link org.cvkit.face.gallery.Identification}, "unknown" when nobody is within the threshold). How
 * distances are measured and accepted is a {@link org.cvkit.face.gallery.MatchPolicy}: a
 * {@link org.cvkit.face.gallery.DistanceMetric}, a threshold, and a
 * {@link org.cvkit.face.gallery.PersonDistance} rule for people with several embeddings.
 * {@link org.cvkit.face.gallery.GalleryFile} stores galleries as versioned JSON that only the owner can read.
 */
package org.cvkit.face.gallery;
