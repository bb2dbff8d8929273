package org.cvkit.face.detect;

/**
 * The settings of face-api's {@code TinyFaceDetectorOptions}: the side of the square network input and the
 * score a face must exceed. Larger inputs find smaller faces and cost more: 416 is face-api's default, 320 or 224
 * suit a webcam loop, 512 or 608 find small faces in large photos.
 *
 * @param inputSize      side of the network input in pixels, a positive multiple of 32
 * @param scoreThreshold faces scoring below this are dropped, in (0, 1)
 */
public record TinyFaceDetectorOptions(int inputSize, double scoreThreshold) {

    /** face-api's defaults: input 416, score threshold 0.5. */
    public static final TinyFaceDetectorOptions DEFAULT =
            new TinyFaceDetectorOptions(TinyFaceDetectorNetwork.INPUT_SIZE, 0.5);

    /** The network downsamples by this factor, so the input side must be a multiple of it. */
    static final int STRIDE = 32;

    /** Validates the input size and the score threshold. */
    public TinyFaceDetectorOptions {
        if (inputSize < STRIDE || inputSize % STRIDE != 0) {
            throw new IllegalArgumentException("the input size must be a positive multiple of 32 (e.g. 224, 320, "
                    + "416, 512, 608) but is " + inputSize);
        }
        if (!(scoreThreshold > 0 && scoreThreshold < 1)) {
            throw new IllegalArgumentException("the score threshold must lie strictly between 0 and 1 but is "
                    + scoreThreshold + "; give for example 0.5 rather than 50");
        }
    }

    /**
     * @param size the new input size, a positive multiple of 32
     * @return these options with another input size
     */
    public TinyFaceDetectorOptions withInputSize(int size) {
        return new TinyFaceDetectorOptions(size, scoreThreshold);
    }

    /**
     * @param threshold the new score threshold, in (0, 1)
     * @return these options with another score threshold
     */
    public TinyFaceDetectorOptions withScoreThreshold(double threshold) {
        return new TinyFaceDetectorOptions(inputSize, threshold);
    }
}
