package org.cvkit.detection.sliding;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC;

import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/** Seeded noise images for the sliding-window tests. */
final class RandomImages {

    private RandomImages() {
    }

    /** An 8-bit image of uniform noise; the caller closes it. */
    static Mat noise(int width, int height, int channels, long seed) {
        byte[] levels = new byte[width * height * channels];
        new Random(seed).nextBytes(levels);
        Mat image = new Mat(height, width, CV_8UC(channels));
        try (BytePointer pixels = image.data()) {
            pixels.put(levels);
        }
        return image;
    }
}
