package org.cvkit.apps.face;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.detection.media.ObjectDetector;
import org.cvkit.face.analysis.AnalyzedFace;
import org.cvkit.face.analysis.FaceAnalyzer;
import org.cvkit.face.analysis.FaceTracker;
import org.cvkit.face.analysis.TrackedFace;
import org.cvkit.face.gallery.EnrolledPerson;
import org.cvkit.face.gallery.Gallery;

/**
 * Finds the faces in an image and names each from a gallery. As an {@link ObjectDetector} it reports every face as a
 * detection labelled as {@link IdentifiedFace#label()} does, with the face detector's score and a class per person:
 * {@value #UNKNOWN_CLASS} for unknown faces, {@code 1 + i} for the gallery's {@code i}-th person in name order, so
 * that each person keeps a colour of their own in pictures and videos. Not thread-safe, like the analyzer and the
 * tracker.
 */
final class FaceIdentifier implements ObjectDetector {

    /** The class of faces nobody enrolled is within the threshold of. */
    static final int UNKNOWN_CLASS = 0;

    private final Function<Mat, List<AnalyzedFace>> faces;
    private final Gallery gallery;
    private final List<String> names;

    private FaceIdentifier(Function<Mat, List<AnalyzedFace>> faces, Gallery gallery) {
        this.faces = faces;
        this.gallery = Objects.requireNonNull(gallery, "gallery");
        this.names = gallery.people().stream().map(EnrolledPerson::name).toList();
    }

    /**
     * @param analyzer finds, aligns and describes the faces of each image
     * @param gallery  the enrolled people and the threshold
     * @return an identifier of the faces of separate images
     */
    static FaceIdentifier analyzing(FaceAnalyzer analyzer, Gallery gallery) {
        Objects.requireNonNull(analyzer, "analyzer");
        return new FaceIdentifier(analyzer::analyze, gallery);
    }

    /**
     * @param tracker follows the faces from frame to frame, describing each only now and then
     * @param gallery the enrolled people and the threshold
     * @return an identifier of the faces of consecutive frames of one video or camera
     */
    static FaceIdentifier tracking(FaceTracker tracker, Gallery gallery) {
        Objects.requireNonNull(tracker, "tracker");
        return new FaceIdentifier(frame -> tracker.track(frame).stream().map(TrackedFace::face).toList(), gallery);
    }

    /**
     * @param image an 8-bit BGR image; left unchanged
     * @return its faces, each with the nearest enrolled person, in the detector's order
     */
    List<IdentifiedFace> identify(Mat image) {
        return faces.apply(image).stream()
                .map(face -> new IdentifiedFace(face, gallery.identify(face.descriptor())))
                .toList();
    }

    @Override
    public List<Detection> detect(Mat image) {
        return identify(image).stream().map(this::toDetection).toList();
    }

    /**
     * @param face an identified face
     * @return the face as a detection: its box, score and landmarks, its label, and its person's class
     */
    Detection toDetection(IdentifiedFace face) {
        int classIndex = face.identification().person().map(name -> 1 + names.indexOf(name)).orElse(UNKNOWN_CLASS);
        return face.face().asDetection(classIndex, face.label());
    }

    /**
     * @param classIndex a class of {@link #toDetection}
     * @return the person's name, or {@value IdentifiedFace#UNKNOWN}
     */
    String person(int classIndex) {
        return classIndex == UNKNOWN_CLASS ? IdentifiedFace.UNKNOWN : names.get(classIndex - 1);
    }
}
