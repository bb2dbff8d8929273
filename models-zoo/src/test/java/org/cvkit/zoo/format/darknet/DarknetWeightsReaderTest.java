package org.cvkit.zoo.format.darknet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.cvkit.zoo.SharedAssets;
import org.cvkit.zoo.format.ModelFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DarknetWeightsReaderTest {

    @TempDir
    Path folder;

    /**
     * Header and values read independently with Python's struct module: the header as '<iiiq', the first three
     * floats after it (layer 0's biases) and the file's last float (layer 129's last weight).
     */
    @ParameterizedTest
    @CsvSource({
            "yolo-fastest-1.1, 14231680, 8, 4.344701766967773, 1.7091338634490967, 0.0025571398437023163",
            "yolo-fastest-1.1-xl, 16000000, 16, -0.466622531414032, 0.9296160936355591, 0.015210031531751156",
            "yolo-fastest-1.1_body, 13326656, 8, 4.350264072418213, 1.3774268627166748, 0.16301335394382477"})
    void consumesTheRealYoloFastestFilesExactly(String model, long imagesSeen, int firstFilters, float bias0,
            float bias1, float lastWeight) throws IOException {
        Path weightsFile = SharedAssets.resolve(model + ".weights");
        DarknetWeights weights = DarknetWeightsReader.read(weightsFile,
                DarknetCfg.read(SharedAssets.resolve(model + ".cfg")));

        assertThat(weights.header()).isEqualTo(new DarknetHeader(0, 2, 5, imagesSeen));
        assertThat(20 + 4 * weights.floatCount()).isEqualTo(Files.size(weightsFile));
        assertThat(weights.convolutions()).hasSize(84);

        ConvolutionWeights first = weights.convolution(0);
        assertThat(first.inputChannels()).isEqualTo(3);
        assertThat(first.batchNorm()).isPresent();
        assertThat(first.weights().shape()).containsExactly(firstFilters, 3, 3, 3);
        assertThat(first.biases().get(0)).isEqualTo(bias0);
        assertThat(first.biases().get(1)).isEqualTo(bias1);

        ConvolutionWeights depthwise = weights.convolution(127);
        assertThat(depthwise.groups()).isEqualTo(depthwise.inputChannels());
        assertThat(depthwise.weights().shape()).containsExactly(depthwise.filters(), 1, 5, 5);

        ConvolutionWeights last = weights.convolution(129);
        assertThat(last.batchNorm()).isEmpty();
        assertThat(last.weights().shape()[1]).isEqualTo(last.inputChannels());
        assertThat(last.weights().get(last.weights().size() - 1)).isEqualTo(lastWeight);
    }

    /** Every float holds its own index, so each layer's position in the file can be checked by hand. */
    @Test
    void splitsYolov3TinyWeightsInDarknetOrder() throws IOException {
        int floats = 8_858_734;
        ByteBuffer file = ByteBuffer.allocate(20 + 4 * floats).order(ByteOrder.LITTLE_ENDIAN);
        file.putInt(0).putInt(2).putInt(0).putLong(32_013_312L);
        for (int i = 0; i < floats; i++) {
            file.putFloat(i);
        }
        Path weightsFile = Files.write(folder.resolve("yolov3-tiny.weights"), file.array());

        DarknetWeights weights = DarknetWeightsReader.read(weightsFile,
                DarknetCfg.read(SharedAssets.resolve("yolov3-tiny.cfg")));

        assertThat(Files.size(weightsFile)).isEqualTo(35_434_956L);
        assertThat(weights.header()).isEqualTo(new DarknetHeader(0, 2, 0, 32_013_312L));
        assertThat(weights.convolutions()).extracting(ConvolutionWeights::layerIndex)
                .containsExactly(0, 2, 4, 6, 8, 10, 12, 13, 14, 15, 18, 21, 22);
        ConvolutionWeights first = weights.convolution(0);
        assertThat(first.biases().toFloatArray()).isEqualTo(range(0, 16));
        BatchNormWeights batchNorm = first.batchNorm().orElseThrow();
        assertThat(batchNorm.scales().toFloatArray()).isEqualTo(range(16, 32));
        assertThat(batchNorm.rollingMeans().toFloatArray()).isEqualTo(range(32, 48));
        assertThat(batchNorm.rollingVariances().toFloatArray()).isEqualTo(range(48, 64));
        assertThat(first.weights().shape()).containsExactly(16, 3, 3, 3);
        assertThat(first.weights().toFloatArray()).isEqualTo(range(64, 64 + 432));
        assertThat(weights.convolution(2).biases().get(0)).isEqualTo(64 + 432);

        // The last layer: 255 biases, no batch norm, then 255 * 256 weights that end the file.
        ConvolutionWeights last = weights.convolution(22);
        assertThat(last.batchNorm()).isEmpty();
        assertThat(last.inputChannels()).isEqualTo(256);
        assertThat(last.biases().get(0)).isEqualTo(floats - 255 * 256 - 255);
        assertThat(last.weights().shape()).containsExactly(255, 256, 1, 1);
        assertThat(last.weights().get(0)).isEqualTo(floats - 255 * 256);
        assertThat(last.weights().get(255 * 256 - 1)).isEqualTo(floats - 1);
        assertThat(weights.convolution(21).inputChannels()).isEqualTo(384);
        assertThatThrownBy(() -> weights.convolution(16)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layer 16 is not a [convolutional] layer, so it has no weights");
    }

    @Test
    void readsTheOldHeaderWithA32BitImageCount() {
        DarknetCfg cfg = DarknetCfg.parse("[net]\nwidth=4\nheight=4\nchannels=2\n[convolutional]\nfilters=1\n",
                "one.cfg");
        ByteBuffer file = ByteBuffer.allocate(16 + 4 * 3).order(ByteOrder.LITTLE_ENDIAN);
        file.putInt(0).putInt(1).putInt(9).putInt(-1).putFloat(0.5f).putFloat(1.5f).putFloat(2.5f).flip();

        DarknetWeights weights = DarknetWeightsReader.read(file, "one.weights", cfg);

        assertThat(weights.header()).isEqualTo(new DarknetHeader(0, 1, 9, 4_294_967_295L));
        assertThat(weights.header().byteSize()).isEqualTo(16);
        assertThat(weights.convolution(0).biases().toFloatArray()).containsExactly(0.5f);
        assertThat(weights.convolution(0).weights().toFloatArray()).containsExactly(1.5f, 2.5f);
    }

    @Test
    void truncatedFilesNameTheLayerWhereTheyEnd() throws IOException {
        Path real = SharedAssets.resolve("yolo-fastest-1.1.weights");
        DarknetCfg cfg = DarknetCfg.read(SharedAssets.resolve("yolo-fastest-1.1.cfg"));
        byte[] bytes = Files.readAllBytes(real);

        Path shortByOne = Files.write(folder.resolve("short.weights"), Arrays.copyOf(bytes, bytes.length - 4));
        assertThatThrownBy(() -> DarknetWeightsReader.read(shortByOne, cfg))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("short.weights is truncated in layer 129 [convolutional] (cfg line 922): weights needs"
                        + " 30,600 floats at byte 1,261,868 but only 122,396 bytes remain; the cfg needs a"
                        + " 1,384,268-byte file");

        // Layer 0: 8 biases + 3 * 8 batch-norm values end at byte 20 + 128 = 148; its 216 weights need 864 bytes.
        Path cut = Files.write(folder.resolve("cut.weights"), Arrays.copyOf(bytes, 1000));
        assertThatThrownBy(() -> DarknetWeightsReader.read(cut, cfg))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("cut.weights is truncated in layer 0 [convolutional] (cfg line 22): weights needs 216"
                        + " floats at byte 148 but only 852 bytes remain; the cfg needs a 1,384,268-byte file");

        Path headerOnly = Files.write(folder.resolve("header.weights"), Arrays.copyOf(bytes, 8));
        assertThatThrownBy(() -> DarknetWeightsReader.read(headerOnly, cfg))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("header.weights is truncated: 8 bytes cannot hold the Darknet header (major, minor,"
                        + " revision, images seen)");
        Path wideCut = Files.write(folder.resolve("wide.weights"), Arrays.copyOf(bytes, 16));
        assertThatThrownBy(() -> DarknetWeightsReader.read(wideCut, cfg))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("wide.weights is truncated inside the header's images-seen count");
    }

    @Test
    void overLongFilesNameTheLastLayer() throws IOException {
        byte[] bytes = Files.readAllBytes(SharedAssets.resolve("yolo-fastest-1.1.weights"));
        Path longer = Files.write(folder.resolve("long.weights"), Arrays.copyOf(bytes, bytes.length + 8));

        assertThatThrownBy(() -> DarknetWeightsReader.read(longer,
                DarknetCfg.read(SharedAssets.resolve("yolo-fastest-1.1.cfg"))))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("long.weights is over-long: 8 bytes remain after layer 129 [convolutional] (cfg line 922),"
                        + " the last layer with weights; yolo-fastest-1.1.cfg needs exactly 1,384,268 bytes, so these"
                        + " weights do not belong to that cfg");
    }

    @Test
    void weightsOfAnotherCfgDoNotFit() throws IOException {
        DarknetCfg xl = DarknetCfg.read(SharedAssets.resolve("yolo-fastest-1.1-xl.cfg"));

        assertThatThrownBy(() -> DarknetWeightsReader.read(SharedAssets.resolve("yolo-fastest-1.1.weights"), xl))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageStartingWith("yolo-fastest-1.1.weights is truncated in layer ");
    }

    private static float[] range(int from, int to) {
        float[] values = new float[to - from];
        for (int i = 0; i < values.length; i++) {
            values[i] = from + i;
        }
        return values;
    }
}
