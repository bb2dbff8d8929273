package org.cvkit.apps.face;

import java.io.IOException;
import org.cvkit.apps.StoreOptions;
import org.cvkit.face.analysis.FaceAnalyzer;
import org.cvkit.face.detect.TinyFaceDetectorOptions;
import org.cvkit.face.haar.HaarFaceDetector;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the face nets come from and which face detector runs: options of every command that analyzes faces. */
final class AnalyzerOptions {

    /** The face detectors to choose from. */
    enum Detector {
        /** face-api's tiny face detector, a small YOLOv2. */
        TINY,
        /** OpenCV's frontal-face Haar cascade: faster, finds fewer faces that are turned or small. */
        HAAR
    }

    @Mixin
    StoreOptions store;

    @Option(names = "--detector", defaultValue = "tiny", paramLabel = "NAME",
            description = "Face detector: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); haar is OpenCV's "
                    + "Haar cascade, faster, for frontal faces.")
    Detector detector;

    @Option(names = "--input-size", paramLabel = "PX",
            description = "Input side of the tiny face detector, a multiple of 32 (default: 416, face-api's); 320 or "
                    + "224 run faster, e.g. in a webcam loop, and miss more small faces.")
    Integer inputSize;

    /**
     * @return face-api's landmark and recognition nets behind the chosen detector; the caller closes it
     * @throws IOException if the weights cannot be fetched or read
     */
    FaceAnalyzer load() throws IOException {
        if (inputSize != null && detector != Detector.TINY) {
            throw new IllegalArgumentException("--input-size sets the tiny face detector's input; the Haar cascade "
                    + "has none");
        }
        TinyFaceDetectorOptions options = inputSize == null ? TinyFaceDetectorOptions.DEFAULT
                : TinyFaceDetectorOptions.DEFAULT.withInputSize(inputSize);
        FaceAnalyzer analyzer = FaceAnalyzer.load(store.store(), options);
        if (detector == Detector.TINY) {
            return analyzer;
        }
        try (analyzer) {
            return analyzer.withDetector(HaarFaceDetector.load());
        }
    }
}
