package org.cvkit.detection.sliding;

import org.cvkit.core.geometry.ImageSize;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The course's sliding-window classifier: a 14x14x3 input, CONV 16 filters 5x5 (10x10x16), MAX POOL 2x2
 * (5x5x16), FC 400, FC 400, FC 4 softmax. Converted by {@link FullyConvolutionalConverter}, it gives a 2x2x4 map
 * on a 16x16 image and an 8x8x4 map on a 28x28 image: the 14x14 windows at stride 2.
 */
public final class CourseExampleClassifier {

    /** The classifier's input size. */
    public static final ImageSize INPUT = new ImageSize(14, 14);
    /** The classifier's input channels. */
    public static final int CHANNELS = 3;
    /** The classes: pedestrian, car, motorcycle and background. */
    public static final int CLASSES = 4;

    private CourseExampleClassifier() {
    }

    /**
     * Builds the classifier with ReLU hidden activations and seeded random weights.
     *
     * @param seed the weight-initialization seed
     * @return an initialized, untrained network
     */
    public static MultiLayerNetwork build(long seed) {
        MultiLayerConfiguration configuration = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .list()
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(16).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2)
                        .stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(400).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nOut(400).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(CLASSES)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(INPUT.height(), INPUT.width(), CHANNELS))
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        return network;
    }
}
