package org.cvkit.apps.face;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.apps.ImageFiles;
import org.cvkit.face.analysis.AnalyzedFace;
import org.cvkit.face.analysis.FaceAnalyzer;
import org.cvkit.face.analysis.FaceCountException;

/** Photos as the face commands take them: checked before the networks load, then read and analyzed. */
final class Photos {

    private Photos() {
    }

    /**
     * Fails fast, before the networks load, when a photo is missing.
     *
     * @param photos photo files to read
     * @throws NoSuchFileException if one is not a file
     */
    static void requireFiles(List<Path> photos) throws NoSuchFileException {
        for (Path photo : photos) {
            if (!Files.isRegularFile(photo)) {
                throw new NoSuchFileException(photo.toString());
            }
        }
    }

    /**
     * @param analyzer the face analyzer
     * @param photo    an image file
     * @return its faces
     * @throws NoSuchFileException      if the file does not exist
     * @throws IllegalArgumentException if it is not an image
     */
    static List<AnalyzedFace> faces(FaceAnalyzer analyzer, Path photo) throws NoSuchFileException {
        try (Mat image = ImageFiles.read(photo)) {
            return analyzer.analyze(image);
        }
    }

    /**
     * @param analyzer the face analyzer
     * @param photo    an image file that must show one face
     * @return its one face
     * @throws NoSuchFileException      if the file does not exist
     * @throws IllegalArgumentException if it is not an image, or shows no face or several
     */
    static AnalyzedFace singleFace(FaceAnalyzer analyzer, Path photo) throws NoSuchFileException {
        try {
            return FaceAnalyzer.requireSingle(faces(analyzer, photo), photo.toString());
        } catch (FaceCountException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
