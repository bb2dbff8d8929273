package org.cvkit.face.siamese;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.IntStream;

import org.cvkit.face.calibration.LabeledPair;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class VerificationPairsTest {

    private static final ConstantImages IMAGES = new ConstantImages(new int[] {0, 0, 0, 1, 1, 2, 3});

    @Test
    void drawsAsManyGenuineAsImpostorPairs() {
        VerificationPairs pairs = VerificationPairs.sample(IMAGES, 50, 9);

        assertThat(pairs.size()).isEqualTo(100);
        int genuine = 0;
        for (int pair = 0; pair < pairs.size(); pair++) {
            int[] images = pairs.images(pair);
            assertThat(images[0]).isNotEqualTo(images[1]);
            assertThat(IMAGES.identity(images[0]) == IMAGES.identity(images[1])).isEqualTo(pairs.same(pair));
            genuine += pairs.same(pair) ? 1 : 0;
        }
        assertThat(genuine).isEqualTo(50);
    }

    @Test
    void theDrawDependsOnlyOnTheSeed() {
        assertThat(imagesOf(VerificationPairs.sample(IMAGES, 5, 1)))
                .isEqualTo(imagesOf(VerificationPairs.sample(IMAGES, 5, 1)))
                .isNotEqualTo(imagesOf(VerificationPairs.sample(IMAGES, 5, 2)));
    }

    private static List<List<Integer>> imagesOf(VerificationPairs pairs) {
        return IntStream.range(0, pairs.size())
                .mapToObj(pair -> List.of(pairs.images(pair)[0], pairs.images(pair)[1])).toList();
    }

    @Test
    void measuresTheSquaredDistanceOfEachPairsEmbeddings() {
        MultiLayerNetwork trunk = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(4).list()
                .layer(new DenseLayer.Builder().nOut(5).build())
                .setInputType(InputType.convolutional(2, 2, 1))
                .build());
        trunk.init();
        SiameseEncoder encoder = SiameseEncoder.wrap(trunk, 3,
                SiameseObjective.triplets(0.2, TripletMining.SEMI_HARD));
        VerificationPairs pairs = VerificationPairs.sample(IMAGES, 3, 5);

        List<LabeledPair> measured = pairs.measure(encoder);

        assertThat(measured).hasSize(6);
        for (int pair = 0; pair < 6; pair++) {
            int[] images = pairs.images(pair);
            INDArray a = encoder.embed(IMAGES.image(images[0]));
            INDArray b = encoder.embed(IMAGES.image(images[1]));
            assertThat(measured.get(pair).distance()).isCloseTo(a.squaredDistance(b), within(1e-5));
            assertThat(measured.get(pair).samePerson()).isEqualTo(pairs.same(pair));
        }
    }

    @Test
    void rejectsImagesThatCannotGiveBothKindsOfPair() {
        assertThatThrownBy(() -> VerificationPairs.sample(IMAGES, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 pair");
        assertThatThrownBy(() -> VerificationPairs.sample(new ConstantImages(new int[] {0, 0, 0}), 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 identities");
        assertThatThrownBy(() -> VerificationPairs.sample(new ConstantImages(new int[] {0, 1, 2}), 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 of them with two or more");
    }
}
