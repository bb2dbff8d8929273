package org.cvkit.face.haar;

/**
 * The settings of OpenCV's {@code CascadeClassifier.detectMultiScale} for faces.
 *
 * @param scaleFactor  how much the search window grows from one scale to the next, above 1 (1.1: by 10 %)
 * @param minNeighbors how many overlapping raw hits a face needs; more means fewer false faces and more missed ones
 * @param minFaceSize  the side of the smallest face searched for, in pixels, at least 1
 */
public record HaarOptions(double scaleFactor, int minNeighbors, int minFaceSize) {

    /**
     * Scale 1.1, 5 neighbours (OpenCV's default of 3 reports several false faces per group photo), faces of at least
     * 40 pixels.
     */
    public static final HaarOptions DEFAULT = new HaarOptions(1.1, 5, 40);

    /**
     * @param size the side of the smallest face searched for, in pixels; larger is much faster on large images
     * @return these options with another smallest face size
     */
    public HaarOptions withMinFaceSize(int size) {
        return new HaarOptions(scaleFactor, minNeighbors, size);
    }

    /** Validates the three settings. */
    public HaarOptions {
        if (!(scaleFactor > 1 && Double.isFinite(scaleFactor))) {
            throw new IllegalArgumentException("the scale factor must be above 1 (e.g. 1.1) but is " + scaleFactor);
        }
        if (minNeighbors < 0) {
            throw new IllegalArgumentException("the minimum number of neighbours must not be negative but is "
                    + minNeighbors);
        }
        if (minFaceSize < 1) {
            throw new IllegalArgumentException("the smallest face size must be at least 1 pixel but is "
                    + minFaceSize);
        }
    }
}
