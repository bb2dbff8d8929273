package org.cvkit.augment.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cvkit.augment.Augmenter;
import org.cvkit.augment.geometry.Flip;
import org.cvkit.augment.geometry.ResizeTo;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.core.image.ChannelOrder;
import org.cvkit.core.image.ImageTensorFormat;
import org.cvkit.core.image.Normalization;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.api.preprocessor.ImagePreProcessingScaler;
import org.nd4j.linalg.dataset.adapter.SingletonDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class AugmentingPreProcessorTest {

    private static final ImageTensorFormat RAW_BGR = new ImageTensorFormat(ChannelOrder.BGR, Normalization.scaleOnly(1));

    @Test
    void flipsEveryImageOfTheBatchThenRunsTheIteratorsOwnPreProcessor() {
        // Two 3-channel 4x6 images of distinct whole levels 0..143.
        INDArray features = Nd4j.arange(2 * 3 * 4 * 6).castTo(DataType.FLOAT)
                .reshape(2, 3, 4, 6);
        // Mirrored: column w takes column 5 - w, then the iterator's scaler divides by 255.
        float[] mirrored = new float[2 * 3 * 4 * 6];
        for (int row = 0; row < 2 * 3 * 4; row++) {
            for (int w = 0; w < 6; w++) {
                mirrored[row * 6 + w] = (row * 6 + 5 - w) / 255f;
            }
        }
        INDArray expected = Nd4j.create(mirrored, new long[] {2, 3, 4, 6}, 'c');
        DataSet batch = new DataSet(features, Nd4j.create(new float[] {1, 0, 0, 1}, 2, 2));
        DataSetIterator iterator = new SingletonDataSetIterator(batch);
        iterator.setPreProcessor(new ImagePreProcessingScaler(0, 1));

        AugmentingPreProcessor.install(iterator, new Augmenter(Flip.HORIZONTAL, 1), RAW_BGR);
        DataSet augmented = iterator.next();

        assertThat(augmented.getFeatures().equalsWithEps(expected, 1e-6)).isTrue();
        assertThat(augmented.getLabels().reshape(4).toFloatVector()).containsExactly(1, 0, 0, 1);
    }

    @Test
    void reversingTheWidthAxisIsWhatAFlipDoes() {
        INDArray features = Nd4j.arange(6).castTo(DataType.FLOAT).reshape(1, 1, 1, 6);
        new AugmentingPreProcessor(new Augmenter(Flip.HORIZONTAL, 1), RAW_BGR).preProcess(new DataSet(features, null));
        assertThat(features.get(NDArrayIndex.point(0), NDArrayIndex.point(0), NDArrayIndex.point(0)).toFloatVector())
                .containsExactly(5, 4, 3, 2, 1, 0);
    }

    @Test
    void rejectsFeaturesThatAreNotImagesAndSizeChanges() {
        AugmentingPreProcessor flip = new AugmentingPreProcessor(new Augmenter(Flip.HORIZONTAL, 1), RAW_BGR);
        assertThatThrownBy(() -> flip.preProcess(new DataSet(Nd4j.zeros(2, 10), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NCHW");
        AugmentingPreProcessor resize = new AugmentingPreProcessor(
                new Augmenter(new ResizeTo(new ImageSize(3, 3)), 1), RAW_BGR);
        assertThatThrownBy(() -> resize.preProcess(new DataSet(Nd4j.zeros(1, 3, 4, 6), null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("resize=6x4");
    }
}
