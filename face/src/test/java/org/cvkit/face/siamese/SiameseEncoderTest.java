package org.cvkit.face.siamese;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.cvkit.core.arch.LeNet5;
import org.cvkit.core.io.ModelFileException;
import org.cvkit.core.io.ModelIO;
import org.cvkit.core.io.ModelMetadata;
import org.cvkit.core.image.Normalization;
import org.cvkit.face.gallery.Embedding;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class SiameseEncoderTest {

    private static final SiameseObjective TRIPLETS = SiameseObjective.triplets(0.2, TripletMining.BATCH_HARD);
    private static final ModelMetadata.InputShape MNIST = new ModelMetadata.InputShape(28, 28, 1);

    @TempDir
    Path directory;

    private static INDArray images(int count, int height, int width, int channels) {
        return Nd4j.rand(DataType.FLOAT, count, channels, height, width);
    }

    private static void assertUnitRows(INDArray embeddings) {
        for (double norm : embeddings.norm2(1).toDoubleVector()) {
            assertThat(norm).isCloseTo(1, within(1e-5));
        }
    }

    @Test
    void defaultNetworkMapsImagesToUnitEmbeddings() {
        SiameseEncoder encoder = SiameseEncoder.defaultNetwork(MNIST, 16, TRIPLETS, new Adam(1e-3), 1);

        INDArray embeddings = encoder.embed(images(3, 28, 28, 1));

        assertThat(encoder.embeddingSize()).isEqualTo(16);
        assertThat(embeddings.shape()).containsExactly(3, 16);
        assertUnitRows(embeddings);
    }

    @Test
    void wrappingAClassifierReplacesItsSoftmaxAndKeepsItsWeightsAndUpdater() {
        MultiLayerNetwork leNet = new MultiLayerNetwork(LeNet5.configuration(28, 28, 1, 10, 5, new Sgd(0.05)));
        leNet.init();
        int convolution = 0;
        while (leNet.getLayer(convolution).numParams() == 0) {
            convolution++;
        }
        INDArray firstConvolution = leNet.getLayer(convolution).params().dup();

        SiameseEncoder encoder = SiameseEncoder.wrap(leNet, 8, SiameseObjective.binaryPairs());

        MultiLayerNetwork wrapped = (MultiLayerNetwork) encoder.network();
        assertThat(wrapped.getLayer(convolution).params()).isEqualTo(firstConvolution);
        assertThat(wrapped.getLayers()).hasSize(leNet.getLayers().length + 2);
        assertThat(wrapped.getLayer(wrapped.getLayers().length - 1).conf().getLayer())
                .isInstanceOf(LogisticPairHead.class);
        BaseLayer embedding = (BaseLayer) wrapped.getLayer(wrapped.getLayers().length - 3).conf().getLayer();
        assertThat(embedding.getIUpdater()).isEqualTo(new Sgd(0.05));
        INDArray embeddings = encoder.embed(images(2, 28, 28, 1));
        assertThat(embeddings.shape()).containsExactly(2, 8);
        assertUnitRows(embeddings);
    }

    @Test
    void wrappingAGraphPutsTheEndingOnItsOutputLayersInput() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().updater(new Adam(1e-3))
                .graphBuilder()
                .addInputs("in")
                .addLayer("conv", new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU).build(),
                        "in")
                .addLayer("dense", new DenseLayer.Builder().nOut(12).activation(Activation.RELU).build(), "conv")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
                        .activation(Activation.SOFTMAX).build(), "dense")
                .setOutputs("out")
                .setInputTypes(InputType.convolutional(8, 8, 1))
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();

        SiameseEncoder encoder = SiameseEncoder.wrap(graph, 5, TRIPLETS);

        ComputationGraph wrapped = (ComputationGraph) encoder.network();
        assertThat(wrapped.getConfiguration().getNetworkOutputs()).containsExactly(SiameseEncoder.OBJECTIVE_VERTEX);
        assertThat(wrapped.getConfiguration().getVertexInputs().get(SiameseEncoder.EMBEDDING_VERTEX))
                .containsExactly("dense");
        assertThat(wrapped.getVertex("out")).isNull();
        INDArray embeddings = encoder.embed(images(4, 8, 8, 1));
        assertThat(embeddings.shape()).containsExactly(4, 5);
        assertUnitRows(embeddings);
    }

    @Test
    void embeddingsAreTheRowsOfTheEncodersOutput() {
        SiameseEncoder encoder = SiameseEncoder.defaultNetwork(MNIST, 4, TRIPLETS, new Adam(1e-3), 2);
        INDArray batch = images(2, 28, 28, 1);

        List<Embedding> embeddings = encoder.embeddings(batch);

        INDArray expected = encoder.embed(batch);
        assertThat(embeddings).hasSize(2);
        assertThat(embeddings.get(1).toArray()).containsExactly(expected.getRow(1).toFloatVector());
    }

    @Test
    void savedEncodersLoadWithTheSameEmbeddingsAndMetadata() throws IOException {
        SiameseEncoder encoder = SiameseEncoder.defaultNetwork(MNIST, 6, SiameseObjective.binaryPairs(),
                new Adam(1e-3), 3);
        ModelMetadata metadata = new ModelMetadata("Siamese encoder", MNIST, ModelMetadata.GRAY,
                Normalization.UNIT, List.of(), ModelMetadata.Provenance.now(3, "test images", 0));
        Path file = directory.resolve("encoder.zip");
        INDArray batch = images(2, 28, 28, 1);

        encoder.save(file, metadata, false);
        SiameseEncoder.Loaded loaded = SiameseEncoder.load(file);

        assertThat(loaded.metadata()).isEqualTo(metadata);
        assertThat(loaded.encoder().embeddingSize()).isEqualTo(6);
        assertThat(loaded.encoder().embed(batch)).isEqualTo(encoder.embed(batch));
    }

    @Test
    void loadsGraphEncodersToo() throws IOException {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().graphBuilder()
                .addInputs("in")
                .addLayer("dense", new DenseLayer.Builder().nIn(3).nOut(4).build(), "in")
                .setOutputs("dense")
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        SiameseEncoder encoder = SiameseEncoder.wrap(graph, 2, TRIPLETS);
        Path file = directory.resolve("graph.zip");
        encoder.save(file, new ModelMetadata("graph", new ModelMetadata.InputShape(1, 3, 1), ModelMetadata.GRAY,
                Normalization.UNIT, List.of(), ModelMetadata.Provenance.now(1, "none", 0)), true);

        SiameseEncoder loaded = SiameseEncoder.load(file).encoder();

        assertThat(loaded.network()).isInstanceOf(ComputationGraph.class);
        INDArray input = Nd4j.rand(DataType.FLOAT, 2, 3);
        assertThat(loaded.embed(input)).isEqualTo(encoder.embed(input));
    }

    @Test
    void refusesNetworksThatAreNoEncoders() throws IOException {
        MultiLayerNetwork leNet = new MultiLayerNetwork(LeNet5.configuration(28, 28, 1, 10, 5, new Adam(1e-3)));
        leNet.init();
        assertThatThrownBy(() -> SiameseEncoder.of(leNet)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("L2Normalization").hasMessageContaining("SiameseEncoder.wrap");

        Path file = directory.resolve("classifier.zip");
        ModelIO.save(leNet, new ModelMetadata("LeNet-5", MNIST, ModelMetadata.GRAY, Normalization.UNIT,
                List.of("a"), ModelMetadata.Provenance.now(5, "none", 0)), file, false);
        assertThatThrownBy(() -> SiameseEncoder.load(file)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("holds no Siamese encoder");
    }

    @Test
    void rejectsBadEmbeddingSizesAndGraphsWithSeveralOutputs() {
        MultiLayerNetwork leNet = new MultiLayerNetwork(LeNet5.configuration(28, 28, 1, 10, 5, new Adam(1e-3)));
        leNet.init();
        assertThatThrownBy(() -> SiameseEncoder.wrap(leNet, 0, TRIPLETS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("embedding size must be positive");

        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().graphBuilder()
                .addInputs("in")
                .addLayer("a", new DenseLayer.Builder().nIn(3).nOut(4).build(), "in")
                .addLayer("b", new DenseLayer.Builder().nIn(3).nOut(4).build(), "in")
                .setOutputs("a", "b")
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        assertThatThrownBy(() -> SiameseEncoder.wrap(graph, 4, TRIPLETS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly one output");
    }
}
