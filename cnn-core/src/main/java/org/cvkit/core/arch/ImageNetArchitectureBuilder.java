package org.cvkit.core.arch;

import org.deeplearning4j.nn.conf.inputs.InputType;

/**
 * The settings of the ImageNet-style architectures (VGG, ResNet) on top of the shared training settings: the input
 * shape, 224x224x3 unless set, and the number of classes, 1000 unless set. Both networks halve the size five
 * times, so every side must be at least {@value #MIN_INPUT_SIZE}.
 *
 * @param <B> the concrete builder, returned by the {@code opt*} methods for chaining
 * @param <C> the configuration the builder makes
 */
public abstract class ImageNetArchitectureBuilder<B extends ImageNetArchitectureBuilder<B, C>, C>
        extends ArchitectureBuilder<B, C> {

    /** Default input side: 224x224 images, as on ImageNet. */
    public static final int DEFAULT_INPUT_SIZE = 224;
    /** Default number of classes: the 1000 ImageNet classes. */
    public static final int DEFAULT_CLASSES = 1000;
    /** Smallest input side: the network halves the size five times. */
    public static final int MIN_INPUT_SIZE = 32;

    private final String name;
    private int height = DEFAULT_INPUT_SIZE;
    private int width = DEFAULT_INPUT_SIZE;
    private int channels = 3;
    private int classes = DEFAULT_CLASSES;
    private boolean classesSet;

    /** @param name the network's name, used in error messages */
    ImageNetArchitectureBuilder(String name) {
        this.name = name;
    }

    /**
     * @param inputHeight   image height, at least {@value #MIN_INPUT_SIZE}
     * @param inputWidth    image width, at least {@value #MIN_INPUT_SIZE}
     * @param inputChannels image channels, positive
     * @return this builder
     */
    public B optInputShape(int inputHeight, int inputWidth, int inputChannels) {
        String why = name + " halves the size five times";
        this.height = Require.atLeast("inputHeight", inputHeight, MIN_INPUT_SIZE, why);
        this.width = Require.atLeast("inputWidth", inputWidth, MIN_INPUT_SIZE, why);
        this.channels = Require.positive("inputChannels", inputChannels);
        return self();
    }

    /**
     * @param numClasses number of classes of the softmax output, at least 2 (default {@value #DEFAULT_CLASSES})
     * @return this builder
     */
    public B optClasses(int numClasses) {
        this.classes = Require.classes(numClasses);
        this.classesSet = true;
        return self();
    }

    /** @return the input type set with {@link #optInputShape(int, int, int)} */
    InputType inputType() {
        return InputType.convolutional(height, width, channels);
    }

    /** @return the number of classes */
    int classes() {
        return classes;
    }

    /** @return whether {@link #optClasses(int)} was called */
    boolean classesSet() {
        return classesSet;
    }
}
