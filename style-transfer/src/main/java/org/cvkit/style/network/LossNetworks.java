package org.cvkit.style.network;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.cvkit.core.arch.Vgg;
import org.cvkit.core.image.ImageTensorFormat;
import org.cvkit.core.runtime.LayerHelpers;
import org.cvkit.detection.darknet.DarknetImporter;
import org.cvkit.zoo.format.keras.KerasWeightsReader;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * The loss networks cvkit knows: VGG-16 and VGG-19 (with random He-initialized weights, or VGG-16 with the Keras
 * ImageNet weights) and the backbone of the COCO-pretrained Yolo-Fastest-1.1-XL detector.
 */
public final class LossNetworks {

    /** Gatys et al.'s content layer for VGG. */
    public static final String VGG_CONTENT_LAYER = "block4_conv2";

    /** Gatys et al.'s style layers for VGG: the first convolution of each block, equally weighted. */
    public static final List<StyleLayer> VGG_STYLE_LAYERS = IntStream.rangeClosed(1, 5)
            .mapToObj(block -> new StyleLayer("block" + block + "_conv1", 0.2)).toList();

    /**
     * Yolo-Fastest's content layer: the last expanding 1x1 convolution (192 channels, leaky ReLU) at 1/8 of the
     * input size, where VGG's {@code block4_conv2} sits too.
     */
    public static final String YOLO_FASTEST_CONTENT_LAYER = "layer58_convolutional";

    /**
     * Yolo-Fastest's style layers: the first leaky-ReLU convolution at 1/2 of the input size and the first
     * expanding 1x1 convolution at 1/4, 1/8, 1/16 and 1/32, equally weighted.
     */
    public static final List<StyleLayer> YOLO_FASTEST_STYLE_LAYERS = List.of(
            new StyleLayer("layer0_convolutional", 0.2), new StyleLayer("layer12_convolutional", 0.2),
            new StyleLayer("layer25_convolutional", 0.2), new StyleLayer("layer61_convolutional", 0.2),
            new StyleLayer("layer84_convolutional", 0.2));

    private static final String INPUT = "input";

    private LossNetworks() {
    }

    /**
     * VGG with random weights: He-initialized convolutions with zero biases, drawn from a fixed seed, read in the
     * Caffe format ({@link ImageTensorFormat#BGR_CAFFE}) the ImageNet weights use.
     *
     * @param depth VGG-16 or VGG-19
     * @param seed  seed of the weights
     * @return the network, with Gatys et al.'s layers
     */
    public static LossNetwork vggRandom(Vgg.Depth depth, long seed) {
        ComputationGraph graph = graphOf(Vgg.builder(depth).optIncludeTop(false).optSeed(seed).build());
        String name = (depth == Vgg.Depth.VGG_16 ? "vgg16" : "vgg19") + "-random";
        return LossNetwork.builder(name, graph, ImageTensorFormat.BGR_CAFFE, VGG_CONTENT_LAYER, VGG_STYLE_LAYERS)
                .build();
    }

    /**
     * VGG-16 with the Keras ImageNet weights ({@code vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5}, asset
     * bundle {@code keras-vgg16-notop}), reading BGR images minus the ImageNet mean as the weights expect.
     *
     * @param kerasWeights the Keras HDF5 file
     * @return the network, with Gatys et al.'s layers
     * @throws IOException if the file cannot be read
     * @throws org.cvkit.zoo.format.ModelFormatException if it is not a Keras VGG-16 weight file
     */
    public static LossNetwork vgg16ImageNet(Path kerasWeights) throws IOException {
        ComputationGraph graph = graphOf(Vgg.builder(Vgg.Depth.VGG_16).optIncludeTop(false).build());
        KerasVggWeights.load(graph, KerasWeightsReader.read(kerasWeights));
        return LossNetwork.builder("vgg16-imagenet", graph, ImageTensorFormat.BGR_CAFFE, VGG_CONTENT_LAYER,
                VGG_STYLE_LAYERS).build();
    }

    /**
     * The backbone of Yolo-Fastest-1.1-XL (asset bundle {@code yolo-fastest-xl}), trained on COCO: RGB input in
     * [0, 1]; the detection heads are never run.
     *
     * @param cfg     {@code yolo-fastest-1.1-xl.cfg}
     * @param weights {@code yolo-fastest-1.1-xl.weights}
     * @return the network, with {@link #YOLO_FASTEST_CONTENT_LAYER} and {@link #YOLO_FASTEST_STYLE_LAYERS}
     * @throws IOException if a file cannot be read
     * @throws org.cvkit.zoo.format.ModelFormatException if the files are not a Yolo-Fastest-1.1-XL model
     */
    public static LossNetwork yoloFastest(Path cfg, Path weights) throws IOException {
        ComputationGraph graph = DarknetImporter.importNetwork(cfg, weights).graph();
        return LossNetwork.builder("yolo-fastest-xl", graph, ImageTensorFormat.RGB_UNIT, YOLO_FASTEST_CONTENT_LAYER,
                YOLO_FASTEST_STYLE_LAYERS).build();
    }

    /**
     * Re-expresses a chain of layers as an initialized computation graph whose vertices carry the layers' names
     * (unnamed layers are named by their index), with weights drawn from the configuration's seed. DL4J's native
     * layer helpers are enabled first ({@link LayerHelpers#enable()}), as cvkit's importers do.
     *
     * @param chain a multi-layer configuration
     * @return the graph; its input is called {@code input}
     */
    public static ComputationGraph graphOf(MultiLayerConfiguration chain) {
        ComputationGraphConfiguration.GraphBuilder graph = new NeuralNetConfiguration.Builder()
                .seed(chain.getConf(0).getSeed())
                .dataType(chain.getDataType())
                .graphBuilder()
                .addInputs(INPUT);
        String previous = INPUT;
        for (int i = 0; i < chain.getConfs().size(); i++) {
            org.deeplearning4j.nn.conf.layers.Layer layer = chain.getConf(i).getLayer().clone();
            String name = layer.getLayerName() == null ? String.valueOf(i) : layer.getLayerName();
            graph.addLayer(name, layer, chain.getInputPreProcess(i), previous);
            previous = name;
        }
        ComputationGraph network = new ComputationGraph(graph.setOutputs(previous).build());
        LayerHelpers.enable();
        network.init();
        return network;
    }
}
