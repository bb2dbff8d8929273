package org.cvkit.detection.darknet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.core.layers.FastLeakyReLU;
import org.cvkit.core.runtime.LayerHelpers;
import org.cvkit.detection.geometry.BoxShape;
import org.cvkit.detection.yolo.YoloV3Head;
import org.cvkit.zoo.format.ModelFormatException;
import org.cvkit.zoo.format.darknet.CfgSection;
import org.cvkit.zoo.format.darknet.ConvolutionWeights;
import org.cvkit.zoo.format.darknet.DarknetCfg;
import org.cvkit.zoo.format.darknet.DarknetShapes;
import org.cvkit.zoo.format.darknet.DarknetWeights;
import org.cvkit.zoo.format.darknet.DarknetWeightsReader;
import org.cvkit.zoo.format.darknet.LayerShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.SubsetVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationMish;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds a DL4J {@link ComputationGraph} from a Darknet cfg and weights of the YOLO family (YOLOv3, YOLOv3-tiny,
 * Yolo-Fastest).
 *
 * <p>Sections map as follows. {@code [convolutional]}: a convolution with Darknet's padding ({@code pad=1} means
 * {@code size/2} on every side), batch normalization folded into the weights and bias ({@code γ / sqrt(var +
 * 0.00001)}), activation {@code leaky} (slope 0.1), {@code linear}, {@code relu} or {@code mish}; {@code groups}
 * equal to the input channels becomes a depthwise convolution, other group counts are rejected.
 * {@code [maxpool]}: max pooling padded as Darknet pads ({@code size - 1} in all, the smaller half first), which
 * covers the stride-1 pools of SPP blocks and YOLOv3-tiny. {@code [route]}: channel concatenation (a single layer
 * is passed through; {@code groups}/{@code group_id} select a channel slice). {@code [shortcut]}: element-wise
 * sum of the previous layer and one earlier layer, with a linear activation. {@code [upsample]}: nearest-neighbour
 * upsampling. {@code [dropout]}: nothing at inference. {@code [yolo]}: the previous layer becomes a graph output and
 * the section a {@link YoloV3Head}. Every layer's shape is checked against {@link DarknetShapes}.
 */
public final class DarknetImporter {

    /** Darknet's batch-normalization epsilon, added to the rolling variance. */
    public static final double BATCH_NORM_EPSILON = 0.00001;

    /** The negative slope of Darknet's {@code leaky} activation. */
    public static final double LEAKY_SLOPE = 0.1;

    private static final String INPUT = "input";

    private static final List<String> IMPORTED = List.of("convolutional", "maxpool", "route", "shortcut",
            "upsample", "dropout", "yolo");

    private DarknetImporter() {
    }

    /**
     * @param cfg     a Darknet {@code .cfg} file
     * @param weights the matching {@code .weights} file
     * @return the network, ready for inference
     * @throws IOException          if a file cannot be read
     * @throws ModelFormatException if the files do not match or the cfg uses a section or option this importer
     *                              does not support
     */
    public static DarknetNetwork importNetwork(Path cfg, Path weights) throws IOException {
        DarknetCfg parsed = DarknetCfg.read(cfg);
        return importNetwork(parsed, DarknetWeightsReader.read(weights, parsed));
    }

    /**
     * @param cfg     a parsed cfg
     * @param weights its weights, as {@link DarknetWeightsReader} read them
     * @return the network, ready for inference
     * @throws ModelFormatException if the cfg uses a section or option this importer does not support, or has no
     *                              {@code [yolo]} layer
     */
    public static DarknetNetwork importNetwork(DarknetCfg cfg, DarknetWeights weights) {
        List<LayerShape> shapes = DarknetShapes.infer(cfg);
        GraphAssembly assembly = new GraphAssembly(cfg, shapes);
        for (LayerShape shape : shapes) {
            assembly.add(shape);
        }
        if (assembly.heads.isEmpty()) {
            throw new ModelFormatException(cfg.source() + " has no [yolo] layer; only YOLOv3-style detectors"
                    + " can be imported");
        }
        ComputationGraphConfiguration configuration = assembly.graph
                .setOutputs(assembly.outputs.toArray(String[]::new)).build();
        checkShapes(configuration, assembly, shapes);
        LayerHelpers.enable();
        ComputationGraph graph = new ComputationGraph(configuration);
        graph.init();
        for (ConvolutionWeights convolution : weights.convolutions()) {
            loadConvolution(graph, assembly.names.get(convolution.layerIndex()), convolution,
                    cfg.layers().get(convolution.layerIndex()));
        }
        CfgSection net = cfg.net();
        return new DarknetNetwork(graph, new ImageSize(net.intValue("width"), net.intValue("height")),
                assembly.outputs, assembly.heads);
    }

    private static void checkShapes(ComputationGraphConfiguration configuration, GraphAssembly assembly,
                                    List<LayerShape> shapes) {
        Map<String, InputType> types = configuration.getLayerActivationTypes(assembly.inputType());
        for (LayerShape shape : shapes) {
            String name = assembly.names.get(shape.index());
            if (name.equals(INPUT)) {
                continue;
            }
            InputType.InputTypeConvolutional type = (InputType.InputTypeConvolutional) types.get(name);
            if (type.getWidth() != shape.output().width() || type.getHeight() != shape.output().height()
                    || type.getChannels() != shape.output().depth()) {
                throw new IllegalStateException("layer " + shape.index() + " [" + shape.type() + "] outputs "
                        + type + " in DL4J but " + shape.output() + " in Darknet; this cfg needs an importer fix");
            }
        }
    }

    private static void loadConvolution(ComputationGraph graph, String name, ConvolutionWeights convolution,
                                        CfgSection layer) {
        int filters = convolution.filters();
        float[] kernel = convolution.weights().toFloatArray();
        float[] bias = convolution.biases().toFloatArray();
        int perFilter = kernel.length / filters;
        convolution.batchNorm().ifPresent(batchNorm -> {
            float[] scales = batchNorm.scales().toFloatArray();
            float[] means = batchNorm.rollingMeans().toFloatArray();
            float[] variances = batchNorm.rollingVariances().toFloatArray();
            for (int f = 0; f < filters; f++) {
                double factor = scales[f] / Math.sqrt(variances[f] + BATCH_NORM_EPSILON);
                for (int i = f * perFilter; i < (f + 1) * perFilter; i++) {
                    kernel[i] = (float) (kernel[i] * factor);
                }
                bias[f] = (float) (bias[f] - means[f] * factor);
            }
        });
        int size = layer.intValue("size", 1);
        INDArray darknetKernel = Nd4j.create(kernel, new long[] {filters, perFilter / (size * size), size,
                size}, 'c');
        INDArray dl4jKernel;
        if (convolution.groups() == 1) {
            dl4jKernel = darknetKernel;
        } else {
            // Darknet filter f reads input channel f / multiplier; DL4J's depthwise kernel is [kh, kw, in, mult].
            int multiplier = filters / convolution.inputChannels();
            dl4jKernel = darknetKernel.reshape('c', convolution.inputChannels(), multiplier, size, size)
                    .permute(2, 3, 0, 1);
        }
        graph.getLayer(name).getParam("W").assign(dl4jKernel);
        graph.getLayer(name).getParam("b").assign(Nd4j.create(bias, new long[] {1, filters}, 'c'));
    }

    /** The graph under construction and what is known about the layers added so far. */
    private static final class GraphAssembly {

        private final DarknetCfg cfg;
        private final List<LayerShape> shapes;
        private final ComputationGraphConfiguration.GraphBuilder graph;
        private final List<String> names = new ArrayList<>();
        private final List<String> outputs = new ArrayList<>();
        private final List<YoloV3Head> heads = new ArrayList<>();

        GraphAssembly(DarknetCfg cfg, List<LayerShape> shapes) {
            this.cfg = cfg;
            this.shapes = shapes;
            this.graph = new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).weightInit(WeightInit.ZERO)
                    .convolutionMode(ConvolutionMode.Truncate).graphBuilder().addInputs(INPUT)
                    .setInputTypes(inputType()).allowDisconnected(true); // a cfg may compute layers nothing reads
        }

        InputType inputType() {
            CfgSection net = cfg.net();
            return InputType.convolutional(net.intValue("height"), net.intValue("width"), net.intValue("channels"));
        }

        void add(LayerShape shape) {
            CfgSection layer = cfg.layers().get(shape.index());
            String name = "layer" + shape.index() + "_" + shape.type();
            String previous = shape.index() == 0 ? INPUT : names.get(shape.index() - 1);
            names.add(switch (shape.type()) {
                case "convolutional" -> convolution(name, previous, layer, shape);
                case "maxpool" -> maxPool(name, previous, layer, shape);
                case "route" -> route(name, layer, shape);
                case "shortcut" -> shortcut(name, previous, layer, shape);
                case "upsample" -> upsample(name, previous, layer);
                case "dropout" -> previous;
                case "yolo" -> yolo(previous, layer, shape);
                default -> throw layer.error("cannot be imported; the importer supports " + IMPORTED);
            });
        }

        private String convolution(String name, String previous, CfgSection layer, LayerShape shape) {
            int size = layer.intValue("size", 1);
            int stride = layer.intValue("stride", 1);
            int strideX = layer.intValue("stride_x", stride);
            int strideY = layer.intValue("stride_y", stride);
            int dilation = layer.intValue("dilation", 1);
            int groups = layer.intValue("groups", 1);
            int padding = layer.flag("pad", false) ? size / 2 : layer.intValue("padding", 0);
            int in = shape.input().depth();
            int filters = shape.output().depth();
            IActivation activation = activation(layer);
            if (groups == 1) {
                graph.addLayer(name, new ConvolutionLayer.Builder(size, size).stride(strideY, strideX)
                        .padding(padding, padding).dilation(dilation, dilation).nIn(in).nOut(filters)
                        .hasBias(true).activation(activation).build(), previous);
            } else if (groups == in) {
                graph.addLayer(name, new DepthwiseConvolution2D.Builder(size, size).stride(strideY, strideX)
                        .padding(padding, padding).dilation(dilation, dilation).nIn(in).nOut(filters)
                        .depthMultiplier(filters / in).hasBias(true).activation(activation).build(), previous);
            } else {
                throw layer.error("has groups=" + groups + " over " + in + " input channels; only ordinary (groups=1)"
                        + " and depthwise (groups equal to the input channels) convolutions can be imported");
            }
            return name;
        }

        private static IActivation activation(CfgSection layer) {
            String activation = layer.find("activation").orElse("logistic");
            return switch (activation) {
                case "leaky" -> new FastLeakyReLU(LEAKY_SLOPE);
                case "linear" -> new ActivationIdentity();
                case "relu" -> new ActivationReLU();
                case "mish" -> new ActivationMish();
                default -> throw layer.error("has activation=" + activation
                        + ", which cannot be imported; use leaky, linear, relu or mish");
            };
        }

        private String maxPool(String name, String previous, CfgSection layer, LayerShape shape) {
            int stride = layer.intValue("stride", 1);
            int strideX = layer.intValue("stride_x", stride);
            int strideY = layer.intValue("stride_y", stride);
            int size = layer.intValue("size", stride);
            if (layer.intValue("padding", size - 1) != size - 1) {
                throw layer.error("sets padding=" + layer.string("padding") + "; only Darknet's default padding"
                        + " (size - 1 = " + (size - 1) + ") can be imported");
            }
            // Darknet pads (size - 1) / 2 before and the rest after, giving ceil(in / stride) outputs; DL4J's Same
            // mode gives as many outputs and pads max pooling with -infinity, the smaller half first.
            if (samePaddingBefore(shape.input().width(), size, strideX) != (size - 1) / 2
                    || samePaddingBefore(shape.input().height(), size, strideY) != (size - 1) / 2) {
                throw layer.error("with size=" + size + " and stride=" + stride + " on a " + shape.input().width()
                        + "x" + shape.input().height() + " input pads differently in DL4J and Darknet, so it cannot"
                        + " be imported");
            }
            graph.addLayer(name, new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(size, size)
                    .stride(strideY, strideX).convolutionMode(ConvolutionMode.Same).build(), previous);
            return name;
        }

        private static int samePaddingBefore(int in, int size, int stride) {
            int out = (in + stride - 1) / stride;
            return Math.max((out - 1) * stride + size - in, 0) / 2;
        }

        private String route(String name, CfgSection layer, LayerShape shape) {
            String[] joined = Arrays.stream(layer.intList("layers"))
                    .map(reference -> reference < 0 ? shape.index() + reference : reference)
                    .mapToObj(names::get).toArray(String[]::new);
            String merged = joined[0];
            if (joined.length > 1) {
                merged = name + "_concat";
                graph.addVertex(merged, new MergeVertex(), joined);
            }
            int groups = layer.intValue("groups", 1);
            if (groups == 1) {
                return merged;
            }
            int groupId = layer.intValue("group_id", 0);
            int channels = shape.output().depth();
            if (groupId < 0 || groupId >= groups) {
                throw layer.error("has group_id=" + groupId + "; it must lie in 0.." + (groups - 1));
            }
            graph.addVertex(name, new SubsetVertex(groupId * channels, (groupId + 1) * channels - 1), merged);
            return name;
        }

        private String shortcut(String name, String previous, CfgSection layer, LayerShape shape) {
            int[] from = layer.intList("from");
            String activation = layer.find("activation").orElse("linear");
            if (from.length != 1 || !activation.equals("linear")) {
                throw layer.error("has from=" + layer.string("from") + " and activation=" + activation
                        + "; only a linear shortcut from a single earlier layer can be imported");
            }
            int source = from[0] < 0 ? shape.index() + from[0] : from[0];
            if (!shapes.get(source).output().equals(shape.input())) {
                throw layer.error("adds layer " + source + " of shape " + shapes.get(source).output()
                        + " to a " + shape.input() + " input; only equal shapes can be imported");
            }
            graph.addVertex(name, new ElementWiseVertex(ElementWiseVertex.Op.Add), previous, names.get(source));
            return name;
        }

        private String upsample(String name, String previous, CfgSection layer) {
            int stride = layer.intValue("stride", 2);
            if (stride < 1) {
                throw layer.error("has stride=" + stride + "; only upsampling (a positive stride) can be imported");
            }
            graph.addLayer(name, new Upsampling2D.Builder(stride).build(), previous);
            return name;
        }

        private String yolo(String previous, CfgSection layer, LayerShape shape) {
            int[] anchorValues = layer.intList("anchors");
            if (anchorValues.length % 2 != 0) {
                throw layer.error("has " + anchorValues.length + " anchor values; give width,height pairs");
            }
            List<BoxShape> anchors = new ArrayList<>();
            for (int i = 0; i < anchorValues.length; i += 2) {
                anchors.add(new BoxShape(anchorValues[i], anchorValues[i + 1]));
            }
            List<Integer> mask = layer.find("mask").isPresent()
                    ? Arrays.stream(layer.intList("mask")).boxed().toList()
                    : Stream.iterate(0, i -> i + 1).limit(anchors.size()).toList();
            YoloV3Head head;
            try {
                head = new YoloV3Head(anchors, mask, layer.intValue("classes"), layer.floatValue("scale_x_y", 1f));
            } catch (IllegalArgumentException e) {
                throw layer.error("is not a valid YOLO head: " + e.getMessage());
            }
            if (head.channels() != shape.input().depth()) {
                throw layer.error("predicts " + mask.size() + " anchors of " + head.numClasses() + " classes, which"
                        + " needs " + head.channels() + " input channels, but its input has "
                        + shape.input().depth() + "; set the previous convolution's filters to " + head.channels());
            }
            heads.add(head);
            outputs.add(previous);
            return previous;
        }
    }
}
