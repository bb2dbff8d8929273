package org.cvkit.face.analysis;

import java.util.Objects;
import org.cvkit.core.geometry.Box;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.face.gallery.Embedding;

/**
 * One face that {@link FaceAnalyzer} found and described.
 *
 * @param box         where the detector found it, in image pixels
 * @param score       the detector's confidence, in [0, 1]
 * @param landmarks   its 68 landmarks, in image pixels
 * @param alignedCrop the square the descriptor was computed from, see {@link FaceAlignment}
 * @param descriptor  its 128-d face-api descriptor, in {@link FaceAnalyzer#DESCRIPTOR_SPACE}
 */
public record AnalyzedFace(Box box, double score, FaceLandmarks68 landmarks, CropRect alignedCrop,
                           Embedding descriptor) {

    /** Validates that every part is given and the score is a probability. */
    public AnalyzedFace {
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(landmarks, "landmarks");
        Objects.requireNonNull(alignedCrop, "alignedCrop");
        Objects.requireNonNull(descriptor, "descriptor");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("a face's score must lie in [0, 1] but is " + score);
        }
    }

    /**
     * @param classIndex the class to give the face, e.g. its person's
     * @param label      the label to draw, e.g. a name
     * @return the face as a detection: its box, score and landmarks as keypoints
     */
    public Detection asDetection(int classIndex, String label) {
        return new Detection(box, classIndex, label, score, landmarks.points());
    }
}
