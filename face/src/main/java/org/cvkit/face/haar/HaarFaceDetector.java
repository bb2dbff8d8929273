package org.cvkit.face.haar;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.image.ImageConversions;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.face.detect.FaceDetector;

/**
 * Viola-Jones face detection with an OpenCV Haar cascade: the image is turned gray, its histogram equalized, and
 * {@code detectMultiScale} searches it. A cascade does not score its faces, so every detection scores 1; they come
 * largest first. Holds a native classifier: close it.
 */
public final class HaarFaceDetector implements FaceDetector {

    private static final String LABEL = "face";

    private final CascadeClassifier classifier;
    private final HaarOptions options;

    private HaarFaceDetector(CascadeClassifier classifier, HaarOptions options) {
        this.classifier = classifier;
        this.options = options;
    }

    /**
     * @return a detector with {@link HaarCascade#FRONTAL_FACE_ALT2} and {@link HaarOptions#DEFAULT}
     * @throws IOException if the cascade cannot be extracted from the OpenCV jar
     */
    public static HaarFaceDetector load() throws IOException {
        return load(HaarCascade.FRONTAL_FACE_ALT2, HaarOptions.DEFAULT);
    }

    /**
     * @param cascade which cascade of the OpenCV jar
     * @param options the search settings
     * @return the detector
     * @throws IOException if the cascade cannot be extracted or OpenCV cannot load it
     */
    public static HaarFaceDetector load(HaarCascade cascade, HaarOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        String file = cascade.extract().getAbsolutePath();
        CascadeClassifier classifier = new CascadeClassifier();
        if (!classifier.load(file)) {
            classifier.close();
            throw new IOException("OpenCV cannot load the cascade " + file + "; delete it so that it is extracted "
                    + "again");
        }
        return new HaarFaceDetector(classifier, options);
    }

    /** @return the search settings */
    public HaarOptions options() {
        return options;
    }

    @Override
    public List<Detection> detect(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        try (Mat mat = ImageConversions.toMat(image)) {
            return detect(mat);
        }
    }

    /**
     * @param image an 8-bit BGR (CV_8UC3) or gray (CV_8UC1) image; it is not changed
     * @return the faces in image pixels, all scoring 1, largest first
     * @throws IllegalArgumentException if the image is empty or of another type
     */
    public List<Detection> detect(Mat image) {
        Objects.requireNonNull(image, "image");
        if (image.empty() || image.depth() != CV_8U || (image.channels() != 3 && image.channels() != 1)) {
            throw new IllegalArgumentException("the Haar face detector needs a non-empty 8-bit BGR or gray image but "
                    + "got " + image.cols() + "x" + image.rows() + " with " + image.channels() + " channel(s) of depth "
                    + image.depth());
        }
        List<Detection> faces = new ArrayList<>();
        try (Mat gray = new Mat();
             RectVector found = new RectVector();
             Size minSize = new Size(options.minFaceSize(), options.minFaceSize());
             Size maxSize = new Size()) {
            if (image.channels() == 3) {
                cvtColor(image, gray, COLOR_BGR2GRAY);
            } else {
                image.copyTo(gray);
            }
            equalizeHist(gray, gray);
            classifier.detectMultiScale(gray, found, options.scaleFactor(), options.minNeighbors(), 0, minSize,
                    maxSize);
            for (long i = 0; i < found.size(); i++) {
                try (Rect rect = found.get(i)) {
                    faces.add(new Detection(new Box(rect.x(), rect.y(), rect.x() + rect.width(),
                            rect.y() + rect.height()), 0, LABEL, 1));
                }
            }
        }
        faces.sort(Comparator.comparingDouble((Detection face) -> -face.box().area())
                .thenComparingDouble(face -> face.box().x1()));
        return faces;
    }

    /** Releases the native classifier. */
    @Override
    public void close() {
        classifier.close();
    }
}
