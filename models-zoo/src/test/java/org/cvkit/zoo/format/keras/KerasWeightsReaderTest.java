package org.cvkit.zoo.format.keras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.cvkit.zoo.format.ModelFormatException;
import org.cvkit.zoo.format.WeightTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

class KerasWeightsReaderTest {

    @TempDir
    Path folder;

    @Test
    void readsTheKeras2LayoutWithNestedWeightNames() throws IOException {
        Path file = folder.resolve("vgg_like.h5");
        new KerasH5Writer()
                .layer("input_1")
                .layer("block1_conv1", tensor("block1_conv1/kernel:0", 3, 3, 3, 2), tensor("block1_conv1/bias:0", 2))
                .layer("block1_pool")
                .layer("fc1", tensor("fc1/kernel:0", 4, 3), tensor("fc1/bias:0", 3))
                .write(file);

        KerasWeights weights = KerasWeightsReader.read(file);

        assertThat(weights.layers()).extracting(KerasLayerWeights::layerName)
                .containsExactly("input_1", "block1_conv1", "block1_pool", "fc1");
        assertThat(weights.layer("input_1").weights()).isEmpty();
        assertThat(weights.layer("block1_pool").weights()).isEmpty();
        assertThat(weights.layer("block1_conv1").weights())
                .containsExactly(tensor("block1_conv1/kernel:0", 3, 3, 3, 2), tensor("block1_conv1/bias:0", 2));
        assertThat(weights.layer("fc1").weights())
                .containsExactly(tensor("fc1/kernel:0", 4, 3), tensor("fc1/bias:0", 3));
        try (INDArray kernel = weights.layer("fc1").weights().get(0).toNdArray()) {
            assertThat(kernel.shape()).containsExactly(4, 3);
            assertThat(kernel.getFloat(2, 1)).isEqualTo(3f); // flat index 2 * 3 + 1 = 7: 0.5 * 8 - 1
        }
        assertThatThrownBy(() -> weights.layer("block5_conv3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no layer named block5_conv3; the layers are [input_1, block1_conv1, block1_pool, fc1]");
    }

    @Test
    void readsTheKeras1LayoutOfTheOriginalVggDownloads() throws IOException {
        Path file = folder.resolve("keras1.h5");
        new KerasH5Writer()
                .layer("block1_conv1", tensor("block1_conv1_W_1:0", 3, 3, 3, 4), tensor("block1_conv1_b_1:0", 4))
                .write(file);

        KerasLayerWeights conv = KerasWeightsReader.read(file).layer("block1_conv1");

        assertThat(conv.weights()).extracting(WeightTensor::name)
                .containsExactly("block1_conv1_W_1:0", "block1_conv1_b_1:0");
        assertThat(conv.weights().get(0).shape()).containsExactly(3, 3, 3, 4);
    }

    @Test
    void readsWholeModelFilesAndSplitAttributes() throws IOException {
        Path file = folder.resolve("model.h5");
        new KerasH5Writer()
                .underModelWeights()
                .splitLayerNames(2)
                .layer("a", tensor("a/bias:0", 1))
                .layer("b", tensor("b/bias:0", 2))
                .layer("c", tensor("c/bias:0", 3))
                .write(file);

        KerasWeights weights = KerasWeightsReader.read(file);

        assertThat(weights.layers()).extracting(KerasLayerWeights::layerName).containsExactly("a", "b", "c");
        assertThat(weights.layer("c").weights()).containsExactly(tensor("c/bias:0", 3));
    }

    @Test
    void rejectsFilesThatAreNotKerasWeights() throws IOException {
        Path text = Files.writeString(folder.resolve("notes.h5"), "not hdf5");
        assertThatThrownBy(() -> KerasWeightsReader.read(text)).isInstanceOf(ModelFormatException.class)
                .hasMessage("notes.h5 is not an HDF5 file (HDF5 files start with the bytes \\x89HDF\\r\\n\\x1a\\n)");

        assertThatThrownBy(() -> KerasWeightsReader.read(folder.resolve("absent.h5")))
                .isInstanceOf(NoSuchFileException.class);

        Path noLayers = folder.resolve("plain.h5");
        new KerasH5Writer().underModelWeights().withoutLayerNames().write(noLayers);
        assertThatThrownBy(() -> KerasWeightsReader.read(noLayers)).isInstanceOf(ModelFormatException.class)
                .hasMessage("plain.h5 has no attribute layer_names on model_weights/, so it is not a Keras weights"
                        + " file");
    }

    @Test
    void namesMissingGroupsAndDatasets() throws IOException {
        Path missingGroup = folder.resolve("group.h5");
        new KerasH5Writer().layer("a").listWithoutGroup("b").write(missingGroup);
        assertThatThrownBy(() -> KerasWeightsReader.read(missingGroup)).isInstanceOf(ModelFormatException.class)
                .hasMessage("group.h5 lists layer b in /layer_names but has no group /b");

        Path strings = folder.resolve("strings.h5");
        KerasH5Writer.writeStringDataset(strings);
        assertThatThrownBy(() -> KerasWeightsReader.read(strings)).isInstanceOf(ModelFormatException.class)
                .hasMessage("strings.h5 dataset /dense/kernel:0 holds no numbers");
    }

    @Test
    void rejectsVariableLengthNameLists() throws IOException {
        Path file = folder.resolve("vlen.h5");
        new KerasH5Writer().variableLengthLayerNames().layer("dense", tensor("dense/bias:0", 2)).write(file);

        assertThatThrownBy(() -> KerasWeightsReader.read(file)).isInstanceOf(ModelFormatException.class)
                .hasMessage("vlen.h5 attribute /layer_names must be an array of fixed-length strings, as Keras"
                        + " writes it");
    }

    @Test
    void namesAWeightListedWithoutItsDataset() throws IOException {
        Path file = folder.resolve("dataset.h5");
        new KerasH5Writer().layer("dense").listWeightWithoutDataset("dense", "kernel:0").write(file);

        assertThatThrownBy(() -> KerasWeightsReader.read(file)).isInstanceOf(ModelFormatException.class)
                .hasMessage("dataset.h5 lists weight kernel:0 but has no dataset /dense/kernel:0");
    }

    /** A tensor whose value at flat index i is 0.5 * (i + 1) - 1. */
    private static WeightTensor tensor(String name, long... shape) {
        int size = 1;
        for (long dimension : shape) {
            size *= (int) dimension;
        }
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = 0.5f * (i + 1) - 1;
        }
        return WeightTensor.of(name, shape, values);
    }
}
