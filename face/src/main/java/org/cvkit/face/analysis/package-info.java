/**
 * Face analysis as face-api does it: {@link org.cvkit.face.analysis.FaceAnalyzer} takes an image (file, OpenCV
 * {@code Mat} or {@code BufferedImage}) through detection, 68 landmarks ({@link
 * org.cvkit.face.analysis.FaceLandmarks68}), alignment ({@link org.cvkit.face.analysis.FaceAlignment}) and the
 * 128-d descriptor, into immutable {@link org.cvkit.face.analysis.AnalyzedFace} results whose descriptors go straight
 * into a {@link org.cvkit.face.gallery.Gallery}.
 */
package org.cvkit.face.analysis;
