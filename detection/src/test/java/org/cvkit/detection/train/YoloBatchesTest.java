package org.cvkit.detection.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.cvkit.augment.Augmenter;
import org.cvkit.augment.spec.AugmentationSpec;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.detection.dataset.DetectionSample;
import org.cvkit.detection.geometry.BoxShape;
import org.cvkit.detection.geometry.GroundTruth;
import org.cvkit.detection.yolo.YoloTargetEncoder;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

class YoloBatchesTest {

    private static final ImageSize INPUT = new ImageSize(32, 32);
    /** A 2x2 grid (16-pixel cells), one 1x1-cell anchor, two classes. */
    private static final YoloTargetEncoder ENCODER = new YoloTargetEncoder(2, List.of(new BoxShape(1, 1)), 2);
    /** Object of class 1 with centre (6, 8): cell (row 0, column 0), bx = 6/16, by = 8/16, 0.5 x 0.5 cells. */
    private static final GroundTruth LEFT = new GroundTruth(Box.fromCorners(2, 4, 10, 12), 1);

    @Test
    void batchesHoldEveryImageOnceWithItsEncodedTarget() {
        List<DetectionSample> samples = List.of(sample("red", 32, Color.RED, List.of(LEFT)),
                sample("green", 32, Color.GREEN, List.of()),
                // a 64x64 image is stretched to the input: its box halves in pixels, keeping its normalized place
                sample("blue", 64, Color.BLUE, List.of(new GroundTruth(Box.fromCorners(36, 40, 60, 64), 0))));
        YoloBatches batches = new YoloBatches(samples, ENCODER, INPUT, 2, Optional.empty(), 5);

        List<DataSet> epoch = drain(batches);

        assertThat(epoch).extracting(DataSet::numExamples).containsExactly(2, 1);
        assertThat(batches.examplesPerEpoch()).isEqualTo(3);
        assertThat(epoch.get(0).getFeatures().shape()).containsExactly(2, 3, 32, 32);
        assertThat(epoch.get(0).getLabels().shape()).containsExactly(2, 7, 2, 2);
        List<String> colours = new ArrayList<>();
        for (DataSet batch : epoch) {
            for (int i = 0; i < batch.numExamples(); i++) {
                // RGB in [0, 1]: the uniform colour names the sample
                double red = batch.getFeatures().getDouble(i, 0, 5, 5);
                double green = batch.getFeatures().getDouble(i, 1, 5, 5);
                String colour = red == 1 ? "red" : green == 1 ? "green" : "blue";
                colours.add(colour);
                double[] slot = slot(batch, i, 0, 0);
                if (colour.equals("red")) {
                    assertThat(slot).containsExactly(new double[] {1, 0.375, 0.5, 0.5, 0.5, 0, 1}, within(1e-6));
                } else if (colour.equals("blue")) {
                    // centre (48, 52) of 64 -> cell (1, 1), bx = 0.5, by = 0.625, 0.75 cells wide and high
                    assertThat(slot(batch, i, 1, 1)).containsExactly(new double[] {1, 0.5, 0.625, 0.75, 0.75, 1, 0},
                            within(1e-6));
                } else {
                    assertThat(batch.getLabels().slice(i).sumNumber().doubleValue()).isZero();
                }
            }
        }
        assertThat(colours).containsExactlyInAnyOrder("red", "green", "blue");
        assertThatThrownBy(batches::next).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("call reset()");
    }

    @Test
    void everyEpochShufflesAnewAndTheSameSeedRepeatsTheOrder() {
        List<DetectionSample> samples = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            samples.add(sample("s" + i, 32, new Color(10 * i, 0, 0), List.of()));
        }
        YoloBatches first = new YoloBatches(samples, ENCODER, INPUT, 12, Optional.empty(), 9);
        YoloBatches second = new YoloBatches(samples, ENCODER, INPUT, 12, Optional.empty(), 9);

        List<Double> epoch0 = reds(first.next());
        first.reset();
        List<Double> epoch1 = reds(first.next());

        assertThat(reds(second.next())).isEqualTo(epoch0);
        assertThat(epoch1).isNotEqualTo(epoch0).containsExactlyInAnyOrderElementsOf(epoch0);
        assertThat(first.resetSupported()).isTrue();
        assertThat(first.batch()).isEqualTo(12);
        assertThat(first.totalOutcomes()).isEqualTo(7);
        assertThat(first.inputColumns()).isEqualTo(3 * 32 * 32);
    }

    @Test
    void augmentationMovesTheTargetWithThePixels() {
        Augmenter mirror = new Augmenter(AugmentationSpec.parse("hflip"), 1);
        YoloBatches batches = new YoloBatches(List.of(sample("red", 32, Color.RED, List.of(LEFT))), ENCODER, INPUT,
                1, Optional.of(mirror), 1);

        DataSet batch = batches.next();

        // centre x 6 becomes 32 - 6 = 26: cell column 1, bx = 10/16
        assertThat(slot(batch, 0, 0, 1)).containsExactly(new double[] {1, 0.625, 0.5, 0.5, 0.5, 0, 1}, within(1e-6));
        assertThat(slot(batch, 0, 0, 0)[0]).isZero();
    }

    @Test
    void rejectsEmptyDataAndBatches() {
        assertThatThrownBy(() -> new YoloBatches(List.of(), ENCODER, INPUT, 2, Optional.empty(), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one sample");
        List<DetectionSample> one = List.of(sample("a", 32, Color.RED, List.of()));
        assertThatThrownBy(() -> new YoloBatches(one, ENCODER, INPUT, 0, Optional.empty(), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch size 0");
    }

    private static double[] slot(DataSet batch, int example, int row, int column) {
        double[] slot = new double[7];
        for (int k = 0; k < 7; k++) {
            slot[k] = batch.getLabels().getDouble(example, k, row, column);
        }
        return slot;
    }

    private static List<Double> reds(DataSet batch) {
        List<Double> reds = new ArrayList<>();
        for (int i = 0; i < batch.numExamples(); i++) {
            reds.add(batch.getFeatures().getDouble(i, 0, 0, 0));
        }
        return reds;
    }

    private static List<DataSet> drain(YoloBatches batches) {
        List<DataSet> epoch = new ArrayList<>();
        while (batches.hasNext()) {
            epoch.add(batches.next());
        }
        return epoch;
    }

    private static DetectionSample sample(String name, int size, Color colour, List<GroundTruth> objects) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(colour);
        graphics.fillRect(0, 0, size, size);
        graphics.dispose();
        return new DetectionSample(name, image, objects);
    }
}
