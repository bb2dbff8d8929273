package org.cvkit.style;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.cvkit.style.colour.Luminance;
import org.cvkit.style.network.LossNetwork;
import org.cvkit.style.network.LossNetworkPreset;
import org.cvkit.style.network.TestNetworks;
import org.cvkit.zoo.SharedAssets;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class StyleTransferTest {

    private static final LossNetwork TINY = TestNetworks.tiny(DataType.FLOAT);

    /*
     * The issue's quality check, on the offline default network and the sample pictures: at 128 px the style loss
     * falls at least tenfold from the content image's, the content loss stays below that of an image with no
     * content at all (relative loss 1), and the result is a 128-pixel-long picture with the content's aspect.
     */
    @Test
    void styleLossFallsTenfoldAt128PixelsWhileContentStaysBounded() throws IOException {
        Path samples = SharedAssets.mirror().resolve("opencv-samples");
        BufferedImage content = ImageIO.read(samples.resolve("messi5.jpg").toFile());
        BufferedImage style = ImageIO.read(samples.resolve("starry_night.jpg").toFile());
        LossNetwork network = LossNetworkPreset.OFFLINE_DEFAULT.create(SharedAssets.store(), 42);

        TransferResult result = StyleTransfer.builder(network).optIterations(30).build().apply(content, style, 128);

        assertThat(result.last().style()).isLessThanOrEqualTo(result.initial().style() / 10);
        assertThat(result.initial().content()).isZero();
        assertThat(result.last().content()).isBetween(0.0, 1.0);
        assertThat(result.image().getWidth()).isEqualTo(128);
        assertThat(result.image().getHeight()).isEqualTo(Math.round(128f * 342 / 548));
        assertThat(result.iterations()).isEqualTo(30);
    }

    @Test
    void theSameSeedGivesTheSamePicture() throws IOException {
        StyleTransfer.Builder builder = StyleTransfer.builder(TINY).optIterations(4)
                .optInitialization(Initialization.NOISE);

        BufferedImage first = builder.optSeed(5).build().apply(gradient(40, 30), stripes(32, 32), 40).image();
        BufferedImage again = builder.optSeed(5).build().apply(gradient(40, 30), stripes(32, 32), 40).image();
        BufferedImage other = builder.optSeed(6).build().apply(gradient(40, 30), stripes(32, 32), 40).image();

        assertThat(pixels(again)).isEqualTo(pixels(first));
        assertThat(pixels(other)).isNotEqualTo(pixels(first));
    }

    @Test
    void reportsEveryIterationAndSnapshotsAcrossScales() throws IOException {
        List<Progress> progress = new ArrayList<>();
        List<String> snapshots = new ArrayList<>();
        TransferResult result = StyleTransfer.builder(TINY).optIterations(7).optScales(2)
                .optOptimizer(() -> new org.cvkit.style.optim.Adam(0.05))
                .optProgress(progress::add)
                .optSnapshots(3, (iteration, image) -> snapshots.add(iteration + "@" + image.getWidth()))
                .build().apply(gradient(40, 30), stripes(32, 32), 40);

        assertThat(progress).extracting(Progress::iteration).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(progress).extracting(Progress::scale).containsExactly(1, 1, 1, 2, 2, 2, 2);
        assertThat(progress).extracting(p -> p.size().toString())
                .containsExactly("20x15", "20x15", "20x15", "40x30", "40x30", "40x30", "40x30");
        assertThat(progress).allSatisfy(p -> assertThat(p.iterations()).isEqualTo(7));
        assertThat(snapshots).containsExactly("3@20", "6@40");
        assertThat(result.image().getWidth()).isEqualTo(40);
    }

    @Test
    void preservingColourKeepsTheContentsColour() throws IOException {
        BufferedImage content = gradient(40, 30);
        TransferResult result = StyleTransfer.builder(TINY).optIterations(3).optPreserveColour(true).build()
                .apply(content, stripes(32, 32), 40);

        BufferedImage recoloured = Luminance.recombine(result.image(), content);
        int[] expected = pixels(recoloured);
        int[] actual = pixels(result.image());
        for (int i = 0; i < actual.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                assertThat(Math.abs(((actual[i] >> shift) & 0xFF) - ((expected[i] >> shift) & 0xFF)))
                        .isLessThanOrEqualTo(3);
            }
        }
    }

    @Test
    void aFailingSnapshotStopsTheTransfer() {
        StyleTransfer transfer = StyleTransfer.builder(TINY).optIterations(4).optSnapshots(2, (iteration, image) -> {
            throw new IOException("disk full");
        }).build();

        assertThatThrownBy(() -> transfer.apply(gradient(40, 30), stripes(32, 32), 40))
                .isInstanceOf(IOException.class).hasMessage("disk full");
    }

    @Test
    void rejectsSizesTooSmallForTheNetworkAndBadSettings() {
        assertThatThrownBy(() -> StyleTransfer.builder(TINY).optScales(3).build()
                .apply(gradient(40, 30), stripes(32, 32), 24))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 8");
        assertThatThrownBy(() -> StyleTransfer.builder(TINY).optIterations(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("iterations");
        assertThatThrownBy(() -> StyleTransfer.builder(TINY).optScales(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scales");
        assertThatThrownBy(() -> StyleTransfer.builder(TINY).optSnapshots(0, (iteration, image) -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("every N");
    }

    private static BufferedImage gradient(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | 0x40);
            }
        }
        return image;
    }

    private static BufferedImage stripes(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x + y) % 6 < 3 ? 0xF0D020 : 0x2030A0);
            }
        }
        return image;
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
