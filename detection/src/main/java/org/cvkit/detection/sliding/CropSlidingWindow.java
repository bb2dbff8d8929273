package org.cvkit.detection.sliding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.core.image.ImageTensorFormat;
import org.cvkit.core.image.ImageTensors;
import org.cvkit.core.image.Resize;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Sliding windows the direct way: every window of every size is cropped from the image, resized to the
 * classifier's input (unless it already has that size), converted to a tensor and classified. Crops are
 * classified in batches, but each still goes through the whole network: this is the costly baseline that
 * {@link FullyConvolutionalConverter} removes.
 */
public final class CropSlidingWindow {

    /** Crops per classifier call unless set otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 128;

    private final MultiLayerNetwork classifier;
    private final ImageSize classifierInput;
    private final ImageTensorFormat format;
    private final int batchSize;

    /**
     * @param classifier      a trained classifier taking NCHW images of {@code classifierInput} and giving
     *                        {@code [N, classes]} scores
     * @param classifierInput the image size the classifier takes
     * @param format          channel order and normalization the classifier was trained with
     */
    public CropSlidingWindow(MultiLayerNetwork classifier, ImageSize classifierInput, ImageTensorFormat format) {
        this(classifier, classifierInput, format, DEFAULT_BATCH_SIZE);
    }

    private CropSlidingWindow(MultiLayerNetwork classifier, ImageSize classifierInput, ImageTensorFormat format,
                              int batchSize) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.classifierInput = Objects.requireNonNull(classifierInput, "classifierInput");
        this.format = Objects.requireNonNull(format, "format");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive but is " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /**
     * @param crops crops per classifier call, positive; larger batches are faster and use more memory
     * @return this sliding window with another batch size
     */
    public CropSlidingWindow withBatchSize(int crops) {
        return new CropSlidingWindow(classifier, classifierInput, format, crops);
    }

    /**
     * Scores every position of every window.
     *
     * @param image   an 8-bit BGR or gray image
     * @param windows the window sizes and strides to slide
     * @return one entry per position: for each window in order, rows top to bottom, each row left to right
     * @throws IllegalArgumentException if a window is larger than the image or the image is not supported by
     *                                  {@link ImageTensors}
     */
    public List<ScoredWindow> score(Mat image, List<Window> windows) {
        List<ScoredWindow> scored = new ArrayList<>();
        for (Window window : windows) {
            List<Box> boxes = positions(image, window);
            for (int start = 0; start < boxes.size(); start += batchSize) {
                List<Box> batch = boxes.subList(start, Math.min(start + batchSize, boxes.size()));
                double[][] scores = classify(image, batch);
                for (int i = 0; i < batch.size(); i++) {
                    scored.add(new ScoredWindow(batch.get(i), scores[i]));
                }
            }
        }
        return scored;
    }

    private static List<Box> positions(Mat image, Window window) {
        int columns = Window.positions(image.cols(), window.width(), window.stride());
        int rows = Window.positions(image.rows(), window.height(), window.stride());
        if (columns == 0 || rows == 0) {
            throw new IllegalArgumentException("a " + window.width() + "x" + window.height()
                    + " window does not fit in a " + image.cols() + "x" + image.rows() + " image; use smaller windows");
        }
        List<Box> boxes = new ArrayList<>(columns * rows);
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                int x = column * window.stride();
                int y = row * window.stride();
                boxes.add(new Box(x, y, x + window.width(), y + window.height()));
            }
        }
        return boxes;
    }

    private double[][] classify(Mat image, List<Box> windows) {
        List<Mat> crops = new ArrayList<>(windows.size());
        try {
            for (Box window : windows) {
                crops.add(crop(image, window));
            }
            try (INDArray batch = ImageTensors.toBatch(crops, format); INDArray scores = classifier.output(batch)) {
                if (scores.rank() != 2 || scores.size(0) != windows.size()) {
                    throw new IllegalArgumentException("the classifier must give [N, classes] scores but gave "
                            + Arrays.toString(scores.shape()));
                }
                return scores.toDoubleMatrix();
            }
        } finally {
            crops.forEach(Mat::close);
        }
    }

    private Mat crop(Mat image, Box window) {
        try (Rect region = new Rect((int) window.x1(), (int) window.y1(), (int) window.width(),
                (int) window.height())) {
            Mat view = new Mat(image, region);
            if (view.cols() == classifierInput.width() && view.rows() == classifierInput.height()) {
                return view;
            }
            try (view) {
                return Resize.stretch(view, classifierInput);
            }
        }
    }
}
