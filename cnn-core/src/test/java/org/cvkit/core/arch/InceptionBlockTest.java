package org.cvkit.core.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

class InceptionBlockTest {

    private static final InceptionBlock INCEPTION_3A = new InceptionBlock(64, 96, 128, 16, 32, 32);

    private static ComputationGraphConfiguration alone(InceptionBlock block, int height, int width, int channels) {
        ComputationGraphConfiguration.GraphBuilder graph = new NeuralNetConfiguration.Builder().seed(1)
                .graphBuilder().addInputs("input");
        String output = block.addTo(graph, "inception", "input");
        return graph.setOutputs(output).setInputTypes(InputType.convolutional(height, width, channels)).build();
    }

    /*
     * GoogLeNet inception (3a) on 28x28x192, every convolution with biases:
     * 1x1        192*64 + 64        =  12,352
     * 3x3 reduce 192*96 + 96        =  18,528
     * 3x3        3*3*96*128 + 128   = 110,720
     * 5x5 reduce 192*16 + 16        =   3,088
     * 5x5        5*5*16*32 + 32     =  12,832
     * pool proj  192*32 + 32        =   6,176
     * sum                            = 163,696
     */
    @Test
    void inception3aHasTheHandCountedParametersAndConcatenatesTo256Channels() {
        ComputationGraphConfiguration conf = alone(INCEPTION_3A, 28, 28, 192);

        Map<String, InputType> types = conf.getLayerActivationTypes(InputType.convolutional(28, 28, 192));

        assertThat(NetworkParameters.of(conf).total()).isEqualTo(163_696);
        assertThat(INCEPTION_3A.outputChannels()).isEqualTo(256);
        assertThat(types.get("inception_output").getShape(false)).containsExactly(256, 28, 28);
    }

    @Test
    void outputIsTheFourBranchesStackedAlongTheDepth() {
        InceptionBlock block = new InceptionBlock(4, 3, 5, 2, 6, 7);
        ComputationGraph net = new ComputationGraph(alone(block, 6, 6, 3));
        net.init();

        Map<String, INDArray> activations = net.feedForward(Nd4j.rand(2, 3, 6, 6), false);

        INDArray expected = Nd4j.concat(1, activations.get("inception_1x1"), activations.get("inception_3x3"),
                activations.get("inception_5x5"), activations.get("inception_pool_proj"));
        assertThat(activations.get("inception_output").shape()).containsExactly(2, 22, 6, 6);
        assertThat(activations.get("inception_output")).isEqualTo(expected);
    }

    @Test
    void globalAveragePoolingAndASoftmaxTurnTheBlockIntoAClassifier() {
        ComputationGraphConfiguration.GraphBuilder graph = Layers.defaults(1, new Sgd())
                .graphBuilder().addInputs("input");
        String features = new InceptionBlock(4, 3, 5, 2, 6, 7).addTo(graph, "inception", "input");
        graph.addLayer("gap", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), features)
                .addLayer("output", Layers.softmaxOutput("output", 3), "gap")
                .setOutputs("output").setInputTypes(InputType.convolutional(8, 8, 3));
        ComputationGraph net = new ComputationGraph(graph.build());
        net.init();

        Map<String, INDArray> activations = net.feedForward(Nd4j.rand(2, 3, 8, 8), false);

        assertThat(activations.get("gap")).isEqualTo(activations.get("inception_output").mean(2, 3));
        assertThat(activations.get("output").shape()).containsExactly(2, 3);
    }

    @Test
    void everyBranchNeedsFilters() {
        assertThatThrownBy(() -> new InceptionBlock(0, 96, 128, 16, 32, 32))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("conv1x1 must be positive");
        assertThatThrownBy(() -> new InceptionBlock(64, 96, 128, -16, 32, 32))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reduce5x5 must be positive");
        assertThatThrownBy(() -> new InceptionBlock(64, 96, 128, 16, 32, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("poolProjection must be positive");
    }
}
