package org.cvkit.augment.dl4j;

import java.util.Objects;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.javacv.Frame;
import org.cvkit.augment.Augmenter;
import org.cvkit.augment.Sample;
import org.cvkit.augment.geometry.Homography;
import org.cvkit.core.geometry.Keypoint;
import org.cvkit.core.image.ImageConversions;
import org.datavec.image.data.ImageWritable;
import org.datavec.image.transform.ImageTransform;

/**
 * Lets a cvkit augmentation stand wherever DataVec expects an {@link ImageTransform}, for example in an
 * {@code ImageRecordReader} or a {@code PipelineImageTransform}.
 *
 * <p>{@code transform(image, random)} draws the sample's generator from {@code random} when one is given, and
 * otherwise numbers the images it sees and uses {@link Augmenter#randomFor(long)}. As with DataVec's own
 * transforms, {@link #query(float...)} and {@link #getCurrentImage()} describe the most recent call, so share an
 * instance between threads only if those two are not used.
 */
public final class DataVecImageTransform implements ImageTransform {

    private final Augmenter augmenter;
    private final AtomicLong processed = new AtomicLong();
    private volatile ImageWritable currentImage;
    private volatile Homography currentGeometry = Homography.IDENTITY;

    /** @param augmenter the seeded augmentation */
    public DataVecImageTransform(Augmenter augmenter) {
        this.augmenter = Objects.requireNonNull(augmenter, "augmenter");
    }

    /**
     * Augments an image, numbering it after the images seen before.
     *
     * @param image an 8-bit BGR or gray image, or null
     * @return the augmented image in a new frame, or null for a null input
     */
    @Override
    public ImageWritable transform(ImageWritable image) {
        return transform(image, null);
    }

    /**
     * Augments an image.
     *
     * @param image  an 8-bit BGR or gray image, or null
     * @param random seeds the sample's generator; null numbers the image instead
     * @return the augmented image in a new frame, or null for a null input
     * @throws IllegalArgumentException if the frame holds no 8-bit BGR or gray picture
     */
    @Override
    public ImageWritable transform(ImageWritable image, Random random) {
        if (image == null) {
            return null;
        }
        SplittableRandom generator = random == null
                ? augmenter.randomFor(processed.getAndIncrement())
                : new SplittableRandom(random.nextLong());
        try (Sample input = Sample.of(ImageConversions.toMat(image.getFrame()));
             Sample output = augmenter.transform().apply(input, generator)) {
            Frame frame = ImageConversions.toFrame(output.image());
            currentGeometry = output.geometry();
            currentImage = new ImageWritable(frame);
            return currentImage;
        }
    }

    /**
     * Maps points of the last input image to the last output image.
     *
     * @param coordinates {@code x0, y0, x1, y1, ...} in pixels of the last input
     * @return the same points in pixels of the last output (a point sent beyond the horizon is left where it was)
     * @throws IllegalArgumentException if the number of coordinates is odd
     */
    @Override
    public float[] query(float... coordinates) {
        if (coordinates.length % 2 != 0) {
            throw new IllegalArgumentException("query takes x, y pairs but " + coordinates.length
                    + " coordinates were given");
        }
        Homography geometry = currentGeometry;
        float[] mapped = new float[coordinates.length];
        for (int i = 0; i < coordinates.length; i += 2) {
            Keypoint point = new Keypoint(coordinates[i], coordinates[i + 1], true);
            Keypoint moved = geometry.keepsInFront(point.x(), point.y()) ? geometry.map(point) : point;
            mapped[i] = (float) moved.x();
            mapped[i + 1] = (float) moved.y();
        }
        return mapped;
    }

    /** @return the image of the last call, or null before the first */
    @Override
    public ImageWritable getCurrentImage() {
        return currentImage;
    }
}
