package org.cvkit.face.analysis;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.cvkit.core.geometry.Box;

/**
 * What face-api 1.7.15 found on its six demo photos, as {@code src/test/node/generate-fixtures.js} recorded it:
 * {@code detectAllFaces(TinyFaceDetectorOptions(416, 0.5)).withFaceLandmarks().withFaceDescriptors()} plus the
 * detections at input size 320. Boxes and crops are {@code [x, y, width, height]}.
 *
 * @param photos the photos in order sample1 ... sample6
 */
record FaceApiFixture(List<Photo> photos) {

    /** face-api on the pixels OpenCV decodes, the very pixels the Java port sees. */
    static final String OPENCV_PIXELS = "face-api-opencv-pixels.json";
    /** face-api on the pixels jpeg-js decodes, what a Node user of face-api gets. */
    static final String JPEG_JS_PIXELS = "face-api-jpeg-js.json";

    /**
     * @param name {@link #OPENCV_PIXELS} or {@link #JPEG_JS_PIXELS}
     * @return the fixture
     */
    static FaceApiFixture read(String name) {
        try (InputStream in = FaceApiFixture.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(in, FaceApiFixture.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param file          the photo's asset name, e.g. {@code sample1.jpg}
     * @param width         its width
     * @param height        its height
     * @param rgbSha256     SHA-256 of the decoded pixels, interleaved RGB bytes row by row
     * @param faces         what face-api found at input size 416
     * @param detections320 the faces face-api's detector found at input size 320
     */
    record Photo(String file, int width, int height, String rgbSha256, List<Face> faces,
                 List<Scored> detections320) {
    }

    /**
     * @param box          the detection box
     * @param score        the detection score
     * @param landmarkCrop the crop the landmark net saw
     * @param landmarks    x0, y0, ... x67, y67 in image pixels, rounded to 1e-6
     * @param alignedCrop  the crop the descriptor was computed from
     * @param descriptor   the 128-d descriptor
     */
    record Face(double[] box, double score, int[] landmarkCrop, double[] landmarks, int[] alignedCrop,
                float[] descriptor) {

        Box cornerBox() {
            return corners(box);
        }
    }

    /**
     * @param box   the detection box
     * @param score the detection score
     */
    record Scored(double[] box, double score) {

        Box cornerBox() {
            return corners(box);
        }
    }

    private static Box corners(double[] xywh) {
        return new Box(xywh[0], xywh[1], xywh[0] + xywh[2], xywh[1] + xywh[3]);
    }
}
