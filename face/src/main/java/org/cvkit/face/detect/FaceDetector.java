package org.cvkit.face.detect;

import java.awt.image.BufferedImage;
import java.util.List;
import org.cvkit.detection.geometry.Detection;

/**
 * Finds faces in an image: face-api's {@link TinyFaceDetector} or OpenCV's Haar cascades
 * ({@code org.cvkit.face.haar.HaarFaceDetector}). Implementations are not thread-safe.
 */
public interface FaceDetector extends AutoCloseable {

    /**
     * @param image any image; its RGB values are read with {@link BufferedImage#getRGB}
     * @return the faces in image pixels, clipped to the image, labelled "face", by descending score
     */
    List<Detection> detect(BufferedImage image);

    /** Releases native resources, if the detector holds any; it cannot be used afterwards. */
    @Override
    default void close() {
    }
}
