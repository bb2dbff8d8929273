package org.cvkit.detection.sliding;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cvkit.core.geometry.ImageSize;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LocalResponseNormalization;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SeparableConvolution2D;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Turns a trained classifier with a fully connected head into an equivalent fully convolutional network, as the
 * course (after OverFeat) shows for its 14x14x3 example: the first dense layer, which sees an
 * {@code h x w x c} feature map, becomes {@code nOut} convolution filters of {@code h x w x c}; every later dense
 * layer, and the output layer, becomes {@code 1 x 1} convolutions; the output's activation (softmax) then runs over
 * the channel axis of every position in a {@link CnnLossLayer}. The dense weights are reshaped, not retrained.
 *
 * <p>DL4J flattens a feature map for a dense layer in channels-first order: input {@code i = (c * h + y) * w + x}
 * of the dense layer ({@link CnnToFeedForwardPreProcessor}, NCHW) reads channel {@code c} at {@code (y, x)}, so
 * the dense weights {@code [c*h*w, nOut]} transposed and reshaped to {@code [nOut, c, h, w]} are the filters.
 *
 * <p>Supported classifiers are NCHW {@link MultiLayerNetwork}s: a feature part of 2-D convolutions (also depthwise
 * and separable), subsampling, batch normalization, local response normalization, activation and dropout
 * layers; then a head of dense, activation and dropout layers ending in an {@link OutputLayer}. The feature part
 * is copied layer by layer with its parameters. Updaters, regularization and dropout of the dense layers carry
 * over, so the result can be fine-tuned.
 */
public final class FullyConvolutionalConverter {

    private static final Set<Class<?>> FEATURE_LAYERS = Set.of(ConvolutionLayer.class,
            DepthwiseConvolution2D.class, SeparableConvolution2D.class, SubsamplingLayer.class,
            BatchNormalization.class, LocalResponseNormalization.class, ActivationLayer.class, DropoutLayer.class);
    private static final Set<Class<?>> PASS_THROUGH_HEAD_LAYERS = Set.of(ActivationLayer.class, DropoutLayer.class);

    private FullyConvolutionalConverter() {
    }

    /**
     * Converts a classifier.
     *
     * @param classifier      a trained classifier (it is not modified)
     * @param classifierInput the image size the classifier takes
     * @param channels        the image channels the classifier takes
     * @return the fully convolutional network, with the classifier's parameters
     * @throws IllegalArgumentException if the classifier has a layer or layout the conversion does not support, or
     *                                  does not take images of the given size and channels
     */
    public static FullyConvolutionalNetwork convert(MultiLayerNetwork classifier, ImageSize classifierInput,
                                                    int channels) {
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(classifierInput, "classifierInput");
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be positive but is " + channels);
        }
        MultiLayerConfiguration source = classifier.getLayerWiseConfigurations();
        int headStart = headStart(source);
        CnnToFeedForwardPreProcessor flatten = (CnnToFeedForwardPreProcessor) source.getInputPreProcess(headStart);
        InputType input = InputType.convolutional(classifierInput.height(), classifierInput.width(), channels);
        requireFeatureMap(source, input, headStart, flatten);

        MultiLayerNetwork network = new MultiLayerNetwork(convolutionalConfiguration(source, headStart, flatten,
                input));
        network.init();
        for (int i = 0; i < source.getConfs().size(); i++) {
            if (i >= headStart && isFullyConnected(source.getConf(i).getLayer())) {
                copyAsFilters(classifier.getLayer(i), network.getLayer(i));
            } else {
                copyParameters(classifier.getLayer(i), network.getLayer(i));
            }
        }
        int[] stride = totalStride(source, headStart);
        return new FullyConvolutionalNetwork(network, classifierInput, stride[1], stride[0]);
    }

    /** The classifier's layers with each dense or output layer replaced by a convolution (and a CNN loss). */
    private static MultiLayerConfiguration convolutionalConfiguration(MultiLayerConfiguration source, int headStart,
                                                                      CnnToFeedForwardPreProcessor flatten,
                                                                      InputType input) {
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(source.getConf(0).getSeed())
                .dataType(source.getDataType())
                .list();
        int kernelHeight = (int) flatten.getInputHeight();
        int kernelWidth = (int) flatten.getInputWidth();
        int depth = (int) flatten.getNumChannels();
        for (int i = 0; i < source.getConfs().size(); i++) {
            Layer layer = source.getConf(i).getLayer();
            if (i < headStart || !isFullyConnected(layer)) {
                layers.layer(layer.clone());
                continue;
            }
            FeedForwardLayer dense = (FeedForwardLayer) layer;
            layers.layer(convolutionFor(dense, kernelHeight, kernelWidth, depth));
            if (dense instanceof OutputLayer output) {
                layers.layer(new CnnLossLayer.Builder(output.getLossFn())
                        .activation(output.getActivationFn()).format(CNN2DFormat.NCHW).build());
            }
            kernelHeight = 1;
            kernelWidth = 1;
            depth = (int) dense.getNOut();
        }
        return layers.setInputType(input).build();
    }

    /** Finds the first head layer, checking every layer on the way and after it. */
    private static int headStart(MultiLayerConfiguration source) {
        int count = source.getConfs().size();
        int headStart = -1;
        for (int i = 0; i < count; i++) {
            Layer layer = source.getConf(i).getLayer();
            InputPreProcessor preProcessor = source.getInputPreProcess(i);
            if (headStart < 0 && preProcessor instanceof CnnToFeedForwardPreProcessor flatten) {
                if (flatten.getFormat() != CNN2DFormat.NCHW) {
                    throw new IllegalArgumentException("layer " + i + " flattens an " + flatten.getFormat()
                            + " feature map; only NCHW (channels-first) classifiers are supported");
                }
                if (i == 0) {
                    throw new IllegalArgumentException("the classifier has no convolutional layers before its"
                            + " fully connected head; there is nothing to slide");
                }
                headStart = i;
            } else if (preProcessor != null) {
                throw new IllegalArgumentException("layer " + i + " has an input pre-processor "
                        + preProcessor.getClass().getSimpleName() + " that the conversion does not support");
            }
            boolean supported = headStart < 0 ? FEATURE_LAYERS.contains(layer.getClass())
                    : isHeadLayer(layer, i == count - 1);
            if (!supported) {
                throw new IllegalArgumentException("layer " + i + " (" + layer.getClass().getSimpleName()
                        + ") cannot be converted: " + (headStart < 0
                        ? "before the head only 2-D convolution, subsampling, normalization, activation and"
                                + " dropout layers are supported"
                        : "the head must be dense, activation and dropout layers ending in one OutputLayer"));
            }
        }
        if (headStart < 0) {
            throw new IllegalArgumentException("the classifier has no fully connected head (no layer flattens a"
                    + " convolutional feature map); it is already convolutional or not a CNN classifier");
        }
        return headStart;
    }

    private static boolean isFullyConnected(Layer layer) {
        return layer instanceof DenseLayer || layer instanceof OutputLayer;
    }

    private static boolean isHeadLayer(Layer layer, boolean isLast) {
        if (isLast) {
            return layer.getClass() == OutputLayer.class;
        }
        return layer.getClass() == DenseLayer.class && !((DenseLayer) layer).hasLayerNorm()
                || PASS_THROUGH_HEAD_LAYERS.contains(layer.getClass());
    }

    private static void requireFeatureMap(MultiLayerConfiguration source, InputType input, int headStart,
                                          CnnToFeedForwardPreProcessor flatten) {
        InputType features = source.getLayerActivationTypes(input).get(headStart - 1);
        InputType expected = InputType.convolutional(flatten.getInputHeight(), flatten.getInputWidth(),
                flatten.getNumChannels());
        if (!features.equals(expected)) {
            throw new IllegalArgumentException("on " + input + " images the classifier's feature part gives "
                    + features + " but its first dense layer expects " + expected
                    + "; give the input size and channels the classifier was built for");
        }
    }

    /** The product of the feature layers' strides, {@code [vertical, horizontal]}. */
    private static int[] totalStride(MultiLayerConfiguration source, int headStart) {
        int[] total = {1, 1};
        for (int i = 0; i < headStart; i++) {
            Layer layer = source.getConf(i).getLayer();
            int[] stride = layer instanceof ConvolutionLayer convolution ? convolution.getStride()
                    : layer instanceof SubsamplingLayer subsampling ? subsampling.getStride() : new int[] {1, 1};
            total[0] *= stride[0];
            total[1] *= stride[1];
        }
        return total;
    }

    /** A convolution doing the dense layer's work on an {@code h x w x c} input, with its training settings. */
    private static ConvolutionLayer convolutionFor(FeedForwardLayer dense, int kernelHeight, int kernelWidth,
                                                   int depth) {
        boolean hasBias = dense instanceof DenseLayer denseLayer ? denseLayer.hasBias()
                : ((OutputLayer) dense).hasBias();
        ConvolutionLayer convolution = new ConvolutionLayer.Builder(kernelHeight, kernelWidth)
                .stride(1, 1).convolutionMode(ConvolutionMode.Truncate).dataFormat(CNN2DFormat.NCHW)
                .nIn(depth).nOut(dense.getNOut()).hasBias(hasBias)
                .activation(dense instanceof OutputLayer ? new ActivationIdentity() : dense.getActivationFn())
                .build();
        convolution.setLayerName(dense.getLayerName());
        convolution.setIUpdater(dense.getIUpdater());
        convolution.setBiasUpdater(dense.getBiasUpdater());
        convolution.setRegularization(dense.getRegularization());
        convolution.setRegularizationBias(dense.getRegularizationBias());
        convolution.setIDropout(dense.getIDropout());
        convolution.setWeightNoise(dense.getWeightNoise());
        convolution.setGradientNormalization(dense.getGradientNormalization());
        convolution.setGradientNormalizationThreshold(dense.getGradientNormalizationThreshold());
        return convolution;
    }

    /**
     * Copies a dense layer's weights {@code [c*h*w, nOut]} into a convolution as filters {@code [nOut, c, h, w]}
     * (the flattening order), and its bias if it has one.
     */
    private static void copyAsFilters(org.deeplearning4j.nn.api.Layer dense,
                                      org.deeplearning4j.nn.api.Layer convolution) {
        long[] filterShape = convolution.getParam("W").shape();
        convolution.setParam("W", dense.getParam("W").transpose().dup('c').reshape('c', filterShape));
        INDArray bias = dense.getParam("b");
        if (bias != null) {
            convolution.setParam("b", bias.reshape(convolution.getParam("b").shape()));
        }
    }

    private static void copyParameters(org.deeplearning4j.nn.api.Layer from,
                                       org.deeplearning4j.nn.api.Layer to) {
        for (Map.Entry<String, INDArray> parameter : from.paramTable().entrySet()) {
            to.setParam(parameter.getKey(), parameter.getValue().dup());
        }
    }
}
