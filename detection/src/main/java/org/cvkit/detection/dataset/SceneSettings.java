package org.cvkit.detection.dataset;

/**
 * How {@link SceneGenerator} composes a scene.
 *
 * @param imageSize       the side of the square scene in pixels, positive
 * @param minObjects      the fewest objects a scene tries to hold, at least 0
 * @param maxObjects      the most objects, at least {@code minObjects}
 * @param minObjectSize   the smallest side, in pixels, that a 28x28 item is scaled to, at least 8
 * @param maxObjectSize   the largest side, at least {@code minObjectSize} and at most {@code imageSize}
 * @param maxIou          the highest IoU a new object's box may have with any earlier one, in [0, 1]; placements
 *                        that overlap more are redrawn, and an object that finds no place is left out
 * @param flipProbability the probability that an item is mirrored left-right, in [0, 1]
 */
public record SceneSettings(int imageSize, int minObjects, int maxObjects, int minObjectSize, int maxObjectSize,
                            double maxIou, double flipProbability) {

    /** The smallest object size: Fashion-MNIST items shrunk further lose their shape. */
    public static final int MIN_OBJECT_SIZE = 8;

    /** Validates the ranges. */
    public SceneSettings {
        if (imageSize < 1) {
            throw new IllegalArgumentException("the image size must be positive but is " + imageSize);
        }
        if (minObjects < 0 || maxObjects < minObjects) {
            throw new IllegalArgumentException("objects per scene must satisfy 0 <= min <= max but are " + minObjects
                    + " to " + maxObjects);
        }
        if (minObjectSize < MIN_OBJECT_SIZE || maxObjectSize < minObjectSize || maxObjectSize > imageSize) {
            throw new IllegalArgumentException("object sizes must satisfy " + MIN_OBJECT_SIZE + " <= min <= max <="
                    + " image size " + imageSize + " but are " + minObjectSize + " to " + maxObjectSize);
        }
        if (!(maxIou >= 0 && maxIou <= 1) || !(flipProbability >= 0 && flipProbability <= 1)) {
            throw new IllegalArgumentException("the IoU limit and the flip probability must lie in [0, 1] but are "
                    + maxIou + " and " + flipProbability);
        }
    }

    /**
     * @param imageSize the side of the square scene
     * @return 1 to 4 items per scene, scaled to sides from {@code imageSize / 3.5} to {@code imageSize / 2}
     *     pixels, overlapping at IoU 0.1 at most, half of them mirrored
     */
    public static SceneSettings of(int imageSize) {
        return new SceneSettings(imageSize, 1, 4, Math.max(MIN_OBJECT_SIZE, (int) Math.round(imageSize / 3.5)),
                Math.max(MIN_OBJECT_SIZE, imageSize / 2), 0.1, 0.5);
    }
}
