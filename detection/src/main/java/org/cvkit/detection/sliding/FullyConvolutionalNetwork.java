package org.cvkit.detection.sliding;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.core.image.ImageTensorFormat;
import org.cvkit.core.image.ImageTensors;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A classifier turned fully convolutional by {@link FullyConvolutionalConverter}: on an image larger than the
 * classifier's input it gives a map of class scores, {@code [N, classes, rows, columns]}, whose cell
 * {@code (row, column)} scores the window of the classifier's input size whose top-left corner is at
 * {@code (column * strideX, row * strideY)}. For networks without padding this equals classifying that crop.
 */
public final class FullyConvolutionalNetwork {

    private final MultiLayerNetwork network;
    private final ImageSize window;
    private final int strideX;
    private final int strideY;

    /**
     * @param network the fully convolutional network
     * @param window  the classifier's input size, which is the size of every scored window
     * @param strideX horizontal step between neighbouring windows, the product of the layers' strides
     * @param strideY vertical step between neighbouring windows
     */
    FullyConvolutionalNetwork(MultiLayerNetwork network, ImageSize window, int strideX, int strideY) {
        this.network = Objects.requireNonNull(network, "network");
        this.window = Objects.requireNonNull(window, "window");
        this.strideX = strideX;
        this.strideY = strideY;
    }

    /** @return the network, which takes NCHW images of any size at least {@link #window()} */
    public MultiLayerNetwork network() {
        return network;
    }

    /** @return the size of every scored window, the classifier's input size */
    public ImageSize window() {
        return window;
    }

    /** @return the horizontal step between neighbouring windows, in pixels */
    public int strideX() {
        return strideX;
    }

    /** @return the vertical step between neighbouring windows, in pixels */
    public int strideY() {
        return strideY;
    }

    /**
     * Scores all windows of a batch of images in one pass.
     *
     * @param images NCHW images, each at least {@link #window()} in size
     * @return class scores {@code [N, classes, rows, columns]}; the caller closes it
     */
    public INDArray scoreMap(INDArray images) {
        return network.output(images);
    }

    /**
     * Scores all windows of an image in one pass, in the form {@link CropSlidingWindow} gives.
     *
     * @param image  an 8-bit BGR or gray image at least {@link #window()} in size
     * @param format channel order and normalization the classifier was trained with
     * @return one entry per window, rows top to bottom, each row left to right
     * @throws IllegalArgumentException if the image is smaller than a window
     */
    public List<ScoredWindow> score(Mat image, ImageTensorFormat format) {
        if (image.cols() < window.width() || image.rows() < window.height()) {
            throw new IllegalArgumentException("a " + image.cols() + "x" + image.rows()
                    + " image is smaller than the " + window + " window the network classifies");
        }
        try (INDArray tensor = ImageTensors.toTensor(image, format); INDArray map = scoreMap(tensor)) {
            int classes = (int) map.size(1);
            int rows = (int) map.size(2);
            int columns = (int) map.size(3);
            double[] values = map.dup('c').data().asDouble();
            List<ScoredWindow> scored = new ArrayList<>(rows * columns);
            for (int row = 0; row < rows; row++) {
                for (int column = 0; column < columns; column++) {
                    double[] scores = new double[classes];
                    for (int c = 0; c < classes; c++) {
                        scores[c] = values[(c * rows + row) * columns + column];
                    }
                    double x = (double) column * strideX;
                    double y = (double) row * strideY;
                    scored.add(new ScoredWindow(new Box(x, y, x + window.width(), y + window.height()), scores));
                }
            }
            return scored;
        }
    }
}
