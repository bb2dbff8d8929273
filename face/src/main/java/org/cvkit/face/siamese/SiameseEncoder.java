package org.cvkit.face.siamese;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.cvkit.core.arch.ConvNetPattern;
import org.cvkit.core.io.ModelFileException;
import org.cvkit.core.io.ModelIO;
import org.cvkit.core.io.ModelMetadata;
import org.cvkit.face.gallery.Embedding;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * A Siamese encoder: one network {@code f} that maps an image to an L2-normalized embedding, so that two images are
 * compared by the squared distance {@code d = ||f(a) - f(b)||^2} (in [0, 4]; same identity when {@code d <= tau},
 * see {@link org.cvkit.face.gallery.DistanceMetric#SQUARED_EUCLIDEAN}).
 *
 * <p>The network is a DL4J {@link MultiLayerNetwork} or {@link ComputationGraph} that ends in a dense embedding layer
 * (identity activation), an {@link L2Normalization} activation layer and the output layer of a
 * {@link SiameseObjective}, which passes the embeddings through at inference. {@link #wrap} puts that ending on any
 * network (a cnn-core architecture, say), replacing its classifier; {@link #defaultNetwork} builds a small encoder for
 * 28x28 grey or small RGB images.
 */
public final class SiameseEncoder {

    /** Name of the embedding layer that {@link #wrap(ComputationGraph, int, SiameseObjective)} adds. */
    public static final String EMBEDDING_VERTEX = "embedding";
    /** Name of the L2 normalization layer that {@link #wrap(ComputationGraph, int, SiameseObjective)} adds. */
    public static final String NORMALIZATION_VERTEX = "l2-normalization";
    /** Name of the objective's output layer that {@link #wrap(ComputationGraph, int, SiameseObjective)} adds. */
    public static final String OBJECTIVE_VERTEX = "siamese-objective";

    /** Changes none of the kept layers' settings; the new layers get theirs explicitly. */
    private static final FineTuneConfiguration KEEP_SETTINGS = new FineTuneConfiguration.Builder().build();

    private final Model network;
    private final int embeddingSize;

    private SiameseEncoder(Model network, List<Layer> ending) {
        this.network = network;
        this.embeddingSize = requireEncoderEnding(ending);
    }

    /**
     * Builds the default encoder: the course's pattern {@code INPUT -> [CONV 5x5 -> RELU -> POOL 2x2]*2 -> FC 128
     * -> RELU} with 32 and 64 filters ({@link ConvNetPattern}), then the embedding.
     *
     * @param input         the image shape; height and width divisible by 4 (28x28x1 for Fashion-MNIST)
     * @param embeddingSize the embedding dimension, positive (for example 32 or 64)
     * @param objective     what to train the embedding for
     * @param updater       the optimizer, for example {@code Optimizer.ADAM.updater(1e-3)}
     * @param seed          the seed of the weight initialization
     * @return the initialized encoder
     * @throws IllegalArgumentException if the embedding size is not positive
     * @throws org.cvkit.core.arithmetic.InvalidGeometryException if the image size does not fit the pooling
     */
    public static SiameseEncoder defaultNetwork(ModelMetadata.InputShape input, int embeddingSize,
                                                SiameseObjective objective, IUpdater updater, long seed) {
        Objects.requireNonNull(input, "input");
        MultiLayerConfiguration trunk = ConvNetPattern.builder(input.height(), input.width(), input.channels(), 2)
                .convsPerStage(1).stages(2).filters(32, 64).optKernelSize(5).hiddenDense(1, 128)
                .optSeed(seed).optUpdater(updater)
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(trunk);
        network.init();
        return wrap(network, embeddingSize, objective);
    }

    /**
     * Turns a network into a Siamese encoder: drops its output layer if it has one (a classifier's softmax, say) and
     * appends a dense embedding layer of {@code embeddingSize} units, {@link L2Normalization} and the objective's
     * output layer, trained with the updater of the network's last trainable layer. The kept layers keep their
     * weights.
     *
     * @param network       an initialized network whose last layer (after removing an output layer) is a dense or
     *                      other feed-forward layer, or an output layer with a known input size
     * @param embeddingSize the embedding dimension, positive
     * @param objective     what to train the embedding for
     * @return the encoder, on a new network
     * @throws IllegalArgumentException if the embedding size is not positive or the feature size before the
     *                                  embedding cannot be told
     */
    public static SiameseEncoder wrap(MultiLayerNetwork network, int embeddingSize, SiameseObjective objective) {
        requireEmbeddingSize(embeddingSize);
        Objects.requireNonNull(objective, "objective");
        MultiLayerConfiguration conf = network.getLayerWiseConfigurations();
        int last = conf.getConfs().size() - 1;
        Layer lastLayer = conf.getConf(last).getLayer();
        boolean dropLast = network.getLayer(last) instanceof IOutputLayer;
        TransferLearning.Builder builder = new TransferLearning.Builder(network).fineTuneConfiguration(KEEP_SETTINGS);
        int embeddingIndex = last + 1;
        InputPreProcessor preProcessor = null;
        long features;
        if (dropLast) {
            builder.removeOutputLayer();
            embeddingIndex = last;
            preProcessor = conf.getInputPreProcess(last);
            features = featuresInto(lastLayer, last == 0 ? null : conf.getConf(last - 1).getLayer());
        } else {
            features = featuresOutOf(lastLayer);
        }
        IUpdater updater = updaterOf(conf.getConfs().stream().map(c -> c.getLayer()).toList());
        for (Layer layer : ending(features, embeddingSize, objective, updater)) {
            builder.addLayer(layer);
        }
        if (preProcessor != null) {
            builder.setInputPreProcessor(embeddingIndex, preProcessor);
        }
        return of(builder.build());
    }

    /**
     * Turns a single-output graph into a Siamese encoder, as {@link #wrap(MultiLayerNetwork, int, SiameseObjective)}
     * does; the new layers are named {@value #EMBEDDING_VERTEX}, {@value #NORMALIZATION_VERTEX} and
     * {@value #OBJECTIVE_VERTEX}.
     *
     * @param graph         an initialized graph with one output
     * @param embeddingSize the embedding dimension, positive
     * @param objective     what to train the embedding for
     * @return the encoder, on a new graph
     * @throws IllegalArgumentException if the graph has several outputs, the output layer several inputs, or the
     *                                  feature size before the embedding cannot be told
     */
    public static SiameseEncoder wrap(ComputationGraph graph, int embeddingSize, SiameseObjective objective) {
        requireEmbeddingSize(embeddingSize);
        Objects.requireNonNull(objective, "objective");
        ComputationGraphConfiguration conf = graph.getConfiguration();
        String output = singleOutput(conf);
        Layer outputLayer = layerOf(conf, output);
        TransferLearning.GraphBuilder builder = new TransferLearning.GraphBuilder(graph)
                .fineTuneConfiguration(KEEP_SETTINGS);
        String attachTo = output;
        InputPreProcessor preProcessor = null;
        long features;
        if (graph.getLayer(output) instanceof IOutputLayer) {
            attachTo = singleInput(conf, output);
            preProcessor = ((LayerVertex) conf.getVertices().get(output)).getPreProcessor();
            features = featuresInto(outputLayer, layerOf(conf, attachTo));
            builder.removeVertexAndConnections(output);
        } else {
            features = featuresOutOf(outputLayer);
        }
        IUpdater updater = updaterOf(conf.getVertices().keySet().stream().map(name -> layerOf(conf, name)).toList());
        List<Layer> ending = ending(features, embeddingSize, objective, updater);
        builder.addLayer(EMBEDDING_VERTEX, ending.get(0), preProcessor, attachTo)
                .addLayer(NORMALIZATION_VERTEX, ending.get(1), EMBEDDING_VERTEX)
                .addLayer(OBJECTIVE_VERTEX, ending.get(2), NORMALIZATION_VERTEX)
                .setOutputs(OBJECTIVE_VERTEX);
        return of(builder.build());
    }

    /**
     * @param network a network that already ends in a dense embedding layer, {@link L2Normalization} and a
     *                {@link SiameseObjective}'s output layer (a loaded encoder, say)
     * @return the encoder over that network
     * @throws IllegalArgumentException if the network does not end that way
     */
    public static SiameseEncoder of(MultiLayerNetwork network) {
        List<Layer> layers = network.getLayerWiseConfigurations().getConfs().stream().map(c -> c.getLayer())
                .toList();
        return new SiameseEncoder(network, layers.subList(Math.max(0, layers.size() - 3), layers.size()));
    }

    /**
     * @param graph a single-output graph that ends in a dense embedding layer, {@link L2Normalization} and a
     *              {@link SiameseObjective}'s output layer, each the only input of the next
     * @return the encoder over that graph
     * @throws IllegalArgumentException if the graph does not end that way
     */
    public static SiameseEncoder of(ComputationGraph graph) {
        ComputationGraphConfiguration conf = graph.getConfiguration();
        String objective = singleOutput(conf);
        String normalization = singleInput(conf, objective);
        String embedding = singleInput(conf, normalization);
        return new SiameseEncoder(graph, Arrays.asList(layerOf(conf, embedding), layerOf(conf, normalization),
                layerOf(conf, objective)));
    }

    /**
     * Loads an encoder saved with {@link #save}.
     *
     * @param file the model file
     * @return the encoder and its metadata
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws ModelFileException                if the file is no cvkit model file, or holds no Siamese encoder
     * @throws IOException                       if reading fails
     */
    public static Loaded load(Path file) throws IOException {
        ModelMetadata metadata = ModelIO.readMetadata(file);
        Model model;
        try {
            model = ModelIO.loadMultiLayerNetwork(file).model();
        } catch (ModelFileException asMultiLayer) {
            try {
                model = ModelIO.loadComputationGraph(file).model();
            } catch (ModelFileException asGraph) {
                throw new ModelFileException(file, "cannot be loaded as a MultiLayerNetwork (" + asMultiLayer
                        .getMessage() + ") nor as a ComputationGraph (" + asGraph.getMessage() + ")", asMultiLayer);
            }
        }
        try {
            return new Loaded(model instanceof MultiLayerNetwork multiLayer ? of(multiLayer)
                    : of((ComputationGraph) model), metadata);
        } catch (IllegalArgumentException notEncoder) {
            throw new ModelFileException(file, "holds no Siamese encoder: " + notEncoder.getMessage(), notEncoder);
        }
    }

    /**
     * An encoder read back by {@link #load(Path)}.
     *
     * @param encoder  the encoder
     * @param metadata its input shape, normalization and provenance
     */
    public record Loaded(SiameseEncoder encoder, ModelMetadata metadata) {

        /** Validates that both parts are present. */
        public Loaded {
            Objects.requireNonNull(encoder, "encoder");
            Objects.requireNonNull(metadata, "metadata");
        }
    }

    /**
     * Saves the encoder with {@link ModelIO}.
     *
     * @param target              the model file to write; replaced if it exists
     * @param metadata            its input shape, normalization and provenance
     * @param includeUpdaterState whether to store the optimizer state, to resume training later
     * @throws IOException if the file cannot be written
     */
    public void save(Path target, ModelMetadata metadata, boolean includeUpdaterState) throws IOException {
        if (network instanceof MultiLayerNetwork multiLayer) {
            ModelIO.save(multiLayer, metadata, target, includeUpdaterState);
        } else {
            ModelIO.save((ComputationGraph) network, metadata, target, includeUpdaterState);
        }
    }

    /** @return the network, a {@link MultiLayerNetwork} or a {@link ComputationGraph}, to train or inspect */
    public Model network() {
        return network;
    }

    /** @return the embedding dimension */
    public int embeddingSize() {
        return embeddingSize;
    }

    /** @return the triplet loss the encoder trains with, or empty if its objective is another */
    Optional<TripletLoss> tripletLoss() {
        return objectiveLayer().getLayer() instanceof LossLayer loss && loss.getLossFn() instanceof TripletLoss triplet
                ? Optional.of(triplet) : Optional.empty();
    }

    /**
     * Replaces the triplet loss the encoder trains with from the next batch on; weights and updater state stay.
     *
     * @param loss the new loss
     * @throws IllegalStateException if the encoder's objective is not the triplet loss
     */
    void setTripletLoss(TripletLoss loss) {
        if (tripletLoss().isEmpty()) {
            throw new IllegalStateException("the encoder's objective is not the triplet loss");
        }
        ((LossLayer) objectiveLayer().getLayer()).setLossFn(Objects.requireNonNull(loss, "loss"));
    }

    /** @return the configuration of the objective's layer, which the running network reads */
    private NeuralNetConfiguration objectiveLayer() {
        return network instanceof MultiLayerNetwork multiLayer ? multiLayer.getOutputLayer().conf()
                : ((ComputationGraph) network).getOutputLayer(0).conf();
    }

    /**
     * Embeds images, in inference mode.
     *
     * @param images a batch {@code [N, C, H, W]} prepared as the network expects
     * @return the L2-normalized embeddings {@code [N, embeddingSize]}
     */
    public INDArray embed(INDArray images) {
        Objects.requireNonNull(images, "images");
        return network instanceof MultiLayerNetwork multiLayer ? multiLayer.output(images, false)
                : ((ComputationGraph) network).outputSingle(false, images);
    }

    /**
     * Embeds images as gallery embeddings, to enrol or compare with {@link org.cvkit.face.gallery.DistanceMetric}
     * ({@code SQUARED_EUCLIDEAN} is the course's {@code d}).
     *
     * @param images a batch {@code [N, C, H, W]} prepared as the network expects
     * @return the N embeddings, in batch order
     */
    public List<Embedding> embeddings(INDArray images) {
        try (INDArray embedded = embed(images)) {
            List<Embedding> embeddings = new ArrayList<>((int) embedded.size(0));
            for (float[] row : embedded.toFloatMatrix()) {
                embeddings.add(Embedding.of(row));
            }
            return embeddings;
        }
    }

    private static List<Layer> ending(long features, int embeddingSize, SiameseObjective objective,
                                      IUpdater updater) {
        DenseLayer embedding = new DenseLayer.Builder().nIn(features).nOut(embeddingSize)
                .activation(Activation.IDENTITY).weightInit(WeightInit.XAVIER).updater(updater.clone()).build();
        Layer head = objective.outputLayer(embeddingSize);
        if (head instanceof LogisticPairHead pairs) {
            pairs.setIUpdater(updater.clone());
            pairs.setBiasUpdater(updater.clone());
        }
        return List.of(embedding, new ActivationLayer(new L2Normalization()), head);
    }

    /** @return the embedding size, after checking the ending: dense embedding, L2 normalization, objective */
    private static int requireEncoderEnding(List<Layer> ending) {
        boolean valid = ending.size() == 3
                && ending.get(0) instanceof FeedForwardLayer embedding && embedding.getNOut() > 0
                && ending.get(1) instanceof ActivationLayer normalization
                && normalization.getActivationFn() instanceof L2Normalization
                && (ending.get(2) instanceof LogisticPairHead
                || ending.get(2) instanceof LossLayer loss && loss.getLossFn() instanceof TripletLoss);
        if (!valid) {
            throw new IllegalArgumentException("a Siamese encoder network must end in a dense embedding layer, an "
                    + "ActivationLayer(new L2Normalization()) and a Siamese objective's output layer, but ends in "
                    + ending.stream().map(layer -> layer == null ? "a non-layer vertex"
                    : layer.getClass().getSimpleName()).toList() + "; build it with SiameseEncoder.wrap");
        }
        return Math.toIntExact(((FeedForwardLayer) ending.get(0)).getNOut());
    }

    private static void requireEmbeddingSize(int embeddingSize) {
        if (embeddingSize < 1) {
            throw new IllegalArgumentException("embedding size must be positive but is " + embeddingSize
                    + "; 32 to 128 are usual");
        }
    }

    /** @return the input size of a removed output layer, or else the output size of the layer before it */
    private static long featuresInto(Layer outputLayer, Layer before) {
        if (outputLayer instanceof FeedForwardLayer feedForward && feedForward.getNIn() > 0) {
            return feedForward.getNIn();
        }
        if (before == null) {
            throw new IllegalArgumentException("the network is only an output layer without a known input size; "
                    + "give it at least one feature layer to put the embedding on");
        }
        return featuresOutOf(before);
    }

    private static long featuresOutOf(Layer layer) {
        if (layer instanceof FeedForwardLayer feedForward && feedForward.getNOut() > 0) {
            return feedForward.getNOut();
        }
        throw new IllegalArgumentException("cannot tell how many features the network's last layer ("
                + (layer == null ? "a non-layer vertex" : layer.getClass().getSimpleName()) + ") gives; end the "
                + "network in a dense layer (or global pooling followed by a dense layer) before wrapping it");
    }

    private static IUpdater updaterOf(List<Layer> layers) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i) instanceof BaseLayer trainable && trainable.getIUpdater() != null) {
                return trainable.getIUpdater();
            }
        }
        throw new IllegalArgumentException("the network has no trainable layer with an updater to train the"
                + " embedding with");
    }

    private static String singleOutput(ComputationGraphConfiguration conf) {
        List<String> outputs = conf.getNetworkOutputs();
        if (outputs.size() != 1) {
            throw new IllegalArgumentException("a Siamese encoder graph needs exactly one output but has " + outputs);
        }
        return outputs.get(0);
    }

    private static String singleInput(ComputationGraphConfiguration conf, String vertex) {
        List<String> inputs = conf.getVertexInputs().get(vertex);
        if (inputs == null || inputs.size() != 1) {
            throw new IllegalArgumentException("vertex '" + vertex + "' must have exactly one input but has "
                    + inputs);
        }
        return inputs.get(0);
    }

    /** @return the layer of a graph vertex, or null if the vertex is no layer (an input or a merge, say) */
    private static Layer layerOf(ComputationGraphConfiguration conf, String vertex) {
        GraphVertex graphVertex = conf.getVertices().get(vertex);
        return graphVertex instanceof LayerVertex layerVertex ? layerVertex.getLayerConf().getLayer() : null;
    }
}
