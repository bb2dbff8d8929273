package org.cvkit.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

import org.cvkit.core.image.ChannelOrder;
import org.cvkit.core.image.ImageTensorFormat;
import org.cvkit.core.image.Normalization;

/**
 * What a saved model needs besides its weights to be used correctly: which network it is, what input it expects
 * and how to prepare that input, what its outputs mean, and how it was made.
 *
 * @param architecture  the network's name, for example {@code LeNet-5}
 * @param inputShape    the image size and channel count the network takes
 * @param channelOrder  the order of the channels in the input tensor: {@value #RGB}, {@value #BGR} or
 *                      {@value #GRAY}
 * @param normalization how 8-bit pixel levels become network inputs
 * @param labels        the class names in output order; empty for models that do not classify
 * @param provenance    how the model was trained
 */
public record ModelMetadata(String architecture, InputShape inputShape, String channelOrder,
                            Normalization normalization, List<String> labels, Provenance provenance) {

    /** Channel order of a three-channel input whose channel 0 is red. */
    public static final String RGB = "RGB";
    /** Channel order of a three-channel input whose channel 0 is blue (OpenCV's order). */
    public static final String BGR = "BGR";
    /** Channel order of a one-channel grey input. */
    public static final String GRAY = "GRAY";

    /** Validates that every part is present and that channel order, normalization and input shape agree. */
    public ModelMetadata {
        requireText("architecture", architecture);
        Objects.requireNonNull(inputShape, "inputShape");
        Objects.requireNonNull(normalization, "normalization");
        Objects.requireNonNull(provenance, "provenance");
        labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
        labels.forEach(label -> requireText("every label", label));
        int channels = inputShape.channels();
        boolean fits = GRAY.equals(channelOrder) ? channels == 1
                : (RGB.equals(channelOrder) || BGR.equals(channelOrder)) && channels == 3;
        if (!fits) {
            throw new IllegalArgumentException("channel order " + channelOrder + " does not fit " + channels
                    + " input channel(s); use " + GRAY + " for 1 channel and " + RGB + " or " + BGR + " for 3");
        }
        if (!normalization.fits(channels)) {
            throw new IllegalArgumentException("normalization " + normalization + " does not fit " + channels
                    + " input channel(s); give one mean and std per channel, or a single value for all");
        }
    }

    /**
     * @return the channel order and normalization as the image package's tensor conversions take them (a grey
     *     input ignores the channel order there)
     */
    public ImageTensorFormat tensorFormat() {
        return new ImageTensorFormat(BGR.equals(channelOrder) ? ChannelOrder.BGR : ChannelOrder.RGB, normalization);
    }

    /**
     * @param epochs the number of training epochs behind the weights
     * @return this metadata with the provenance's epoch count replaced, for example for a checkpoint
     */
    public ModelMetadata withEpochs(int epochs) {
        Provenance p = provenance;
        return new ModelMetadata(architecture, inputShape, channelOrder, normalization, labels,
                new Provenance(p.seed(), p.trainingData(), epochs, p.created(), p.cvkitVersion()));
    }

    /**
     * The size of the input images.
     *
     * @param height   rows, positive
     * @param width    columns, positive
     * @param channels channels, positive
     */
    public record InputShape(int height, int width, int channels) {

        /** Validates that every dimension is positive. */
        public InputShape {
            if (height <= 0 || width <= 0 || channels <= 0) {
                throw new IllegalArgumentException("input shape must be positive in every dimension but is (height "
                        + height + ", width " + width + ", channels " + channels + ")");
            }
        }
    }

    /**
     * How a model was made.
     *
     * @param seed         the random seed of initialization and data order
     * @param trainingData a description of the training data, for example {@code Fashion-MNIST train, 60000 images}
     * @param epochs       the number of training epochs, zero or more
     * @param created      when the model was saved
     * @param cvkitVersion the cvkit version that trained it
     */
    public record Provenance(long seed, String trainingData, int epochs, Instant created, String cvkitVersion) {

        /** Validates that the descriptions are present and the epoch count is not negative. */
        public Provenance {
            requireText("trainingData", trainingData);
            requireText("cvkitVersion", cvkitVersion);
            Objects.requireNonNull(created, "created");
            if (epochs < 0) {
                throw new IllegalArgumentException("epochs must be zero or more but is " + epochs);
            }
        }

        /**
         * @param seed         the random seed
         * @param trainingData a description of the training data
         * @param epochs       the number of training epochs
         * @return provenance created now by the running cvkit version
         */
        public static Provenance now(long seed, String trainingData, int epochs) {
            return new Provenance(seed, trainingData, epochs, Instant.now(), currentCvkitVersion());
        }

        /**
         * @return the version of the cvkit-cnn-core jar on the class path, or {@code unknown} when running from
         *     classes that were not packaged (for example in an IDE or a module's own tests)
         */
        public static String currentCvkitVersion() {
            try (InputStream in = ModelMetadata.class.getResourceAsStream(
                    "/META-INF/maven/org.cvkit/cvkit-cnn-core/pom.properties")) {
                if (in == null) {
                    return "unknown";
                }
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "unknown");
            } catch (IOException e) {
                return "unknown";
            }
        }
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must be a non-blank text but is "
                    + (value == null ? "null" : "'" + value + "'"));
        }
    }
}
