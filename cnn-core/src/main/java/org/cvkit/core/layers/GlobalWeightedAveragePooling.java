package org.cvkit.core.layers;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Global weighted average pooling, GWAP (Qiu 2018): global average pooling whose spatial weights are learned.
 *
 * <p>For an input {@code x} of shape {@code [N, C, H, W]} a 1x1 convolution scores every position,
 * {@code s_m(h, w) = sum_c W[m, c] x[c, h, w]} (plus a bias {@code b_m} for sigmoid weights), the scores are
 * normalized over the {@code H x W} positions into weights {@code a_m(h, w)} that sum to 1, and each channel is
 * averaged with them: {@code y[c] = sum_{h,w} a_m(h, w) x[c, h, w]}, an output of shape {@code [N, C]}.
 *
 * <ul>
 *   <li>{@link WeightMaps#PER_CHANNEL} (the default; Qiu's class-specific GWAP when the channels are class score
 *       maps): one weight map per channel, map {@code m = c}, so {@code W} is {@code C x C}.</li>
 *   <li>{@link WeightMaps#SHARED} (Qiu's class-agnostic GWAP): one map for all channels, {@code W} is
 *       {@code 1 x C}.</li>
 *   <li>{@link Normalization#SOFTMAX} (the default): {@code a = exp(s) / sum exp(s)}. A bias would cancel out, so
 *       there is none.</li>
 *   <li>{@link Normalization#SIGMOID}: {@code a = sigmoid(s + b) / sum sigmoid(s + b)}, with a bias per map.</li>
 * </ul>
 *
 * <p>Parameters start at zero, so every weight map starts uniform and the layer starts as exact global average
 * pooling, then learns where to look. Parameter keys: {@value #WEIGHT_KEY} ({@code [maps, C]}) and, for sigmoid
 * weights, {@value #BIAS_KEY} ({@code [1, maps]}). Input must be NCHW.
 */
public final class GlobalWeightedAveragePooling extends SameDiffLayer {

    /** Key of the 1x1 convolution's weights, shape {@code [maps, channels]}. */
    public static final String WEIGHT_KEY = "W";
    /** Key of the per-map bias of sigmoid weights, shape {@code [1, maps]}. */
    public static final String BIAS_KEY = "b";

    private static final int[] SPATIAL = {2, 3};
    /** The 1x1 convolution that scores the positions; its filters are laid out [kH, kW, in, out]. */
    private static final Conv2DConfig SCORE_CONVOLUTION = Conv2DConfig.builder()
            .kH(1).kW(1).sH(1).sW(1).pH(0).pW(0).dH(1).dW(1)
            .paddingMode(PaddingMode.VALID).dataFormat(Conv2DConfig.NCHW).weightsFormat(WeightsFormat.YXIO)
            .build();

    /** How many weight maps the layer learns. */
    public enum WeightMaps {
        /** One map per channel (class-specific GWAP). */
        PER_CHANNEL,
        /** One map shared by all channels (class-agnostic GWAP). */
        SHARED
    }

    /** How scores become weights that sum to 1 over the positions. */
    public enum Normalization {
        /** Softmax over the positions. */
        SOFTMAX,
        /** Sigmoid of each score, divided by their sum. */
        SIGMOID
    }

    @JsonProperty
    private WeightMaps weightMaps;
    @JsonProperty
    private Normalization normalization;
    @JsonProperty
    private long channels;

    /** For DL4J's JSON deserialization. */
    private GlobalWeightedAveragePooling() {
    }

    private GlobalWeightedAveragePooling(Builder builder) {
        super(builder);
        this.weightMaps = builder.weightMaps;
        this.normalization = builder.normalization;
    }

    /** @return a builder for per-channel softmax weights unless set otherwise */
    public static Builder builder() {
        return new Builder();
    }

    /** @return whether each channel has its own weight map or all share one */
    public WeightMaps getWeightMaps() {
        return weightMaps;
    }

    /** @return how scores become weights */
    public Normalization getNormalization() {
        return normalization;
    }

    /** @return the number of input (and output) channels, known once the input type is set */
    public long getChannels() {
        return channels;
    }

    /** @return the number of weight maps: the channels, or 1 when shared */
    public long maps() {
        return weightMaps == WeightMaps.SHARED ? 1 : channels;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.feedForward(channelsOf(inputType));
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (channels <= 0 || override) {
            channels = channelsOf(inputType);
        }
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        params.addWeightParam(WEIGHT_KEY, maps(), channels);
        if (normalization == Normalization.SIGMOID) {
            params.addBiasParam(BIAS_KEY, 1, maps());
        }
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        params.values().forEach(param -> param.assign(0));
    }

    @Override
    public SDVariable defineLayer(SameDiff sameDiff, SDVariable input, Map<String, SDVariable> params,
                                  SDVariable mask) {
        SDVariable filters = params.get(WEIGHT_KEY).permute(1, 0).reshape(1, 1, channels, maps());
        SDVariable scores = sameDiff.cnn.conv2d(input, filters, SCORE_CONVOLUTION);
        SDVariable unnormalized;
        if (normalization == Normalization.SIGMOID) {
            SDVariable bias = params.get(BIAS_KEY).reshape(1, maps(), 1, 1);
            unnormalized = sameDiff.nn.sigmoid(scores.add(bias));
        } else {
            unnormalized = sameDiff.math.exp(scores.sub(scores.max(true, SPATIAL)));
        }
        SDVariable weights = unnormalized.div(unnormalized.sum(true, SPATIAL));
        return input.mul(weights).sum(SPATIAL);
    }

    /** Instantiates DL4J's SameDiff runtime layer with ND4J 1.0.0-M2.1's doubled gradient undone. */
    @Override
    public Layer instantiate(NeuralNetConfiguration configuration, Collection<TrainingListener> listeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType dataType) {
        CorrectedSameDiffLayer layer = new CorrectedSameDiffLayer(configuration, dataType);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        layer.setParamTable(initializer().init(configuration, layerParamsView, initializeParams));
        layer.setConf(configuration);
        return layer;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof GlobalWeightedAveragePooling that && super.equals(that)
                && weightMaps == that.weightMaps && normalization == that.normalization && channels == that.channels;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), weightMaps, normalization, channels);
    }

    private static long channelsOf(InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeConvolutional convolutional)) {
            throw new IllegalArgumentException("global weighted average pooling needs convolutional input "
                    + "[N, C, H, W] but got " + inputType + "; place it after a convolution or pooling layer");
        }
        if (convolutional.getFormat() != CNN2DFormat.NCHW) {
            throw new IllegalArgumentException("global weighted average pooling needs NCHW input but got "
                    + convolutional.getFormat() + "; configure the preceding layers with CNN2DFormat.NCHW");
        }
        return convolutional.getChannels();
    }

    /** Chooses the weight maps and their normalization; DL4J's layer settings (name, updater, ...) also apply. */
    @SuppressWarnings("unchecked") // build() narrows DL4J's generic <E extends Layer> E build()
    public static final class Builder extends SameDiffLayer.Builder<Builder> {

        private WeightMaps weightMaps = WeightMaps.PER_CHANNEL;
        private Normalization normalization = Normalization.SOFTMAX;

        private Builder() {
        }

        /**
         * @param maps one map per channel (default) or one shared map
         * @return this builder
         */
        public Builder optWeightMaps(WeightMaps maps) {
            this.weightMaps = Objects.requireNonNull(maps, "weight maps must not be null; use PER_CHANNEL or SHARED");
            return this;
        }

        /**
         * @param value softmax (default) or normalized sigmoid
         * @return this builder
         */
        public Builder optNormalization(Normalization value) {
            this.normalization = Objects.requireNonNull(value, "normalization must not be null; use SOFTMAX or SIGMOID");
            return this;
        }

        @Override
        public GlobalWeightedAveragePooling build() {
            return new GlobalWeightedAveragePooling(this);
        }
    }
}
