package org.cvkit.augment;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC;

import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Small images with known pixels, and bulk readers for checking results. */
public final class TestImages {

    private TestImages() {
    }

    /** @return a {@code width x height} image with every level of every channel equal to {@code level} */
    public static Mat filled(int width, int height, int channels, int level) {
        try (Scalar value = Scalar.all(level)) {
            return new Mat(height, width, CV_8UC(channels), value);
        }
    }

    /** @return an image of seeded random levels */
    public static Mat noise(int width, int height, int channels, long seed) {
        byte[] levels = new byte[width * height * channels];
        new Random(seed).nextBytes(levels);
        return fromBytes(width, height, channels, levels);
    }

    /** @return an image holding the given interleaved levels, row by row */
    public static Mat fromBytes(int width, int height, int channels, byte[] levels) {
        Mat image = new Mat(height, width, CV_8UC(channels));
        try (BytePointer data = image.data()) {
            data.put(levels);
        }
        return image;
    }

    /** @return the interleaved levels of a continuous 8-bit image, row by row */
    public static byte[] bytes(Mat image) {
        Mat continuous = image.isContinuous() ? image : image.clone();
        byte[] levels = new byte[(int) (continuous.total() * continuous.channels())];
        try (BytePointer data = continuous.data()) {
            data.get(levels);
        }
        if (continuous != image) {
            continuous.close();
        }
        return levels;
    }

    /** @return the level at column {@code x}, row {@code y} and channel {@code c} */
    public static int level(Mat image, int x, int y, int c) {
        return bytes(image)[(y * image.cols() + x) * image.channels() + c] & 0xFF;
    }

    /** @return the mean level over all pixels and channels */
    public static double mean(Mat image) {
        double sum = 0;
        for (byte level : bytes(image)) {
            sum += level & 0xFF;
        }
        return sum / (image.total() * image.channels());
    }

    /**
     * @return {x, y} of the level-weighted centroid of a one-channel or three-channel image, in continuous
     *     coordinates (pixel centres at i + 0.5), using channel 0
     */
    public static double[] centroid(Mat image) {
        byte[] levels = bytes(image);
        double sum = 0;
        double sumX = 0;
        double sumY = 0;
        for (int y = 0; y < image.rows(); y++) {
            for (int x = 0; x < image.cols(); x++) {
                int level = levels[(y * image.cols() + x) * image.channels()] & 0xFF;
                sum += level;
                sumX += level * (x + 0.5);
                sumY += level * (y + 0.5);
            }
        }
        return new double[] {sumX / sum, sumY / sum};
    }
}
