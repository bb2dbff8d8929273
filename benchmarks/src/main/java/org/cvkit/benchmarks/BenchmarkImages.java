package org.cvkit.benchmarks;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/** The inputs the benchmarks share. */
final class BenchmarkImages {

    private BenchmarkImages() {
    }

    /**
     * @param width  image width
     * @param height image height
     * @param seed   seed of the pixel levels
     * @return a new 8-bit BGR image of uniformly random levels, which the caller closes
     */
    static Mat randomBgr(int width, int height, long seed) {
        byte[] levels = new byte[width * height * 3];
        new Random(seed).nextBytes(levels);
        Mat image = new Mat(height, width, CV_8UC3);
        try (BytePointer data = image.data()) {
            data.put(levels);
        }
        return image;
    }
}
