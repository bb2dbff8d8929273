package org.cvkit.detection.yolo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.core.image.LetterboxTransform;
import org.cvkit.detection.geometry.BoxShape;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.detection.geometry.ImagePlacement;
import org.cvkit.detection.geometry.NmsConfig;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class YoloV2DecoderTest {

    private static final double TOLERANCE = 1e-5;
    private static final double LN2 = Math.log(2);
    private static final double LN3 = Math.log(3);
    private static final double LN4 = Math.log(4);
    private static final double LN9 = Math.log(9);

    /** Anchors in cells: 1 x 0.5 and 2 x 2; classes cat and dog; a 2x2 grid. */
    private static final YoloV2Decoder DECODER = new YoloV2Decoder(
            new YoloV2Head(List.of(new BoxShape(1, 0.5), new BoxShape(2, 2)), 2), List.of("cat", "dog"));
    private static final ImagePlacement STRETCHED = ImagePlacement.stretched(new ImageSize(200, 100));

    /**
     * Cat: anchor 0, row 1, column 0, tx = ty = 0 (σ = 0.5), tw = th = ln 2, objectness σ(ln 9) = 0.9, class
     * softmax(ln 3, 0) = (0.75, 0.25): centre ((0 + 0.5) / 2, (1 + 0.5) / 2) = (0.25, 0.75), size
     * (1 * 2 / 2, 0.5 * 2 / 2) = (1, 0.5), so (-0.25, 0.5)-(0.75, 1); cat score 0.675.
     * Dog: anchor 1, row 0, column 1, tx = ln 3 (σ = 0.75), ty = -ln 3 (0.25), tw = th = 0, objectness σ(ln 4) =
     * 0.8, softmax(0, ln 4) = (0.2, 0.8): centre (0.875, 0.125), size (1, 1); dog score 0.64.
     * Duplicate cat: anchor 1 in the cat's cell, th = ln 0.5, the same box; objectness 0.8 times 0.8 = 0.64.
     */
    private static INDArray catDogAndDuplicate() {
        return new YoloOutputs(1, 2, 2, 2, 2)
                .cell(0, 1, 0, 0, 0, LN2, LN2, LN9, LN3, 0)
                .cell(1, 0, 1, LN3, -LN3, 0, 0, LN4, 0, LN4)
                .cell(1, 1, 0, 0, 0, 0, Math.log(0.5), LN4, LN4, 0)
                .array();
    }

    @Test
    void decodesSigmoidOffsetsExpAnchorsAndSoftmaxClassesThenSuppresses() {
        List<Detection> detections = DECODER.decode(catDogAndDuplicate(), STRETCHED, NmsConfig.COURSE);

        // Cat (-50, 50)-(150, 100) in 200x100 pixels, clipped; dog (75, -37.5)-(275, 62.5), clipped.
        assertThat(detections).hasSize(2);
        assertDetection(detections.get(0), 0, "cat", 0.675, new Box(0, 50, 150, 100));
        assertDetection(detections.get(1), 1, "dog", 0.64, new Box(75, 0, 200, 62.5));
    }

    @Test
    void everyClassReachingTheScoreThresholdIsACandidate() {
        List<Detection> detections = DECODER.decode(catDogAndDuplicate(), STRETCHED, new NmsConfig(0.2, 0.5, false));

        // The cat's box also scores 0.9 * 0.25 = 0.225 as a dog, a class of its own for suppression; the dog's
        // box as a cat and the duplicate as a dog score 0.8 * 0.2 = 0.16, below 0.2.
        assertThat(detections).extracting(Detection::label).containsExactly("cat", "dog", "dog");
        assertDetection(detections.get(2), 1, "dog", 0.225, new Box(0, 50, 150, 100));
    }

    @Test
    void undoesALetterbox() {
        // 200x100 letterboxed into 100x100: scale 0.5, 25 rows of padding above and below.
        ImagePlacement letterboxed = ImagePlacement.letterboxed(
                LetterboxTransform.fit(new ImageSize(200, 100), new ImageSize(100, 100)));

        List<Detection> detections = DECODER.decode(catDogAndDuplicate(), letterboxed, NmsConfig.COURSE);

        // Cat: input pixels (-25, 50)-(75, 100) -> source (-50, 50)-(150, 150) -> clipped (0, 50)-(150, 100).
        // Dog: input pixels (37.5, -37.5)-(137.5, 62.5) -> source (75, -125)-(275, 75) -> (75, 0)-(200, 75).
        assertDetection(detections.get(0), 0, "cat", 0.675, new Box(0, 50, 150, 100));
        assertDetection(detections.get(1), 1, "dog", 0.64, new Box(75, 0, 200, 75));
    }

    @Test
    void decodesEachImageOfABatch() {
        INDArray batch = Nd4j.concat(0, catDogAndDuplicate(), new YoloOutputs(1, 2, 2, 2, 2).array());

        List<List<Detection>> detections = DECODER.decodeBatch(batch, List.of(STRETCHED, STRETCHED),
                NmsConfig.COURSE);

        assertThat(detections).hasSize(2);
        assertThat(detections.get(0)).hasSize(2);
        assertThat(detections.get(1)).isEmpty();
        assertThatThrownBy(() -> DECODER.decode(batch, STRETCHED, NmsConfig.COURSE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds 2 images but 1 placements");
    }

    @Test
    void rejectsOutputsOfAnotherShapeAndWrongClassNames() {
        INDArray tooFewChannels = new YoloOutputs(1, 2, 1, 2, 2).array();
        assertThatThrownBy(() -> DECODER.decode(tooFewChannels, STRETCHED, NmsConfig.COURSE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[N, 14, rows, columns] but got [1, 12, 2, 2]");
        assertThatThrownBy(() -> DECODER.decode(Nd4j.zeros(1, 14), STRETCHED, NmsConfig.COURSE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[N, 14, rows, columns]");
        YoloV2Head head = new YoloV2Head(List.of(new BoxShape(1, 1)), 2);
        assertThatThrownBy(() -> new YoloV2Decoder(head, List.of("cat")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 classes but 1 class names");
        assertThatThrownBy(() -> new YoloV2Head(List.of(), 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one anchor");
        assertThat(head.channels()).isEqualTo(7);
    }

    static void assertDetection(Detection detection, int classIndex, String label, double score, Box box) {
        assertThat(detection.classIndex()).isEqualTo(classIndex);
        assertThat(detection.label()).isEqualTo(label);
        assertThat(detection.score()).isCloseTo(score, within(TOLERANCE));
        assertThat(new double[] {detection.box().x1(), detection.box().y1(), detection.box().x2(),
            detection.box().y2()}).containsExactly(new double[] {box.x1(), box.y1(), box.x2(), box.y2()},
                within(1e-3));
    }
}
