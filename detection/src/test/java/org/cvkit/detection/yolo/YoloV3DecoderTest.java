package org.cvkit.detection.yolo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cvkit.detection.yolo.YoloV2DecoderTest.assertDetection;

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

class YoloV3DecoderTest {

    private static final double LN2 = Math.log(2);
    private static final double LN3 = Math.log(3);
    private static final double LN4 = Math.log(4);
    private static final double LN9 = Math.log(9);

    /** Anchors in the pixels of a 64x64 input; the coarse scale (2x2) predicts anchors 1 and 2 with scale_x_y 1.05. */
    private static final List<BoxShape> ANCHORS = List.of(new BoxShape(8, 8), new BoxShape(32, 16),
            new BoxShape(64, 64));
    private static final YoloV3Head COARSE = new YoloV3Head(ANCHORS, List.of(1, 2), 2, 1.05);
    private static final YoloV3Head FINE = YoloV3Head.of(ANCHORS, List.of(0), 2);
    private static final YoloV3Decoder DECODER = new YoloV3Decoder(List.of(COARSE, FINE), new ImageSize(64, 64),
            List.of("cat", "dog"));
    private static final ImagePlacement STRETCHED = ImagePlacement.stretched(new ImageSize(128, 64));

    /**
     * Coarse scale, first masked anchor (32 x 16), row 0, column 1: tx = ln 3 (σ = 0.75), ty = 0 (σ = 0.5),
     * tw = ln 2, th = 0, objectness σ(ln 9) = 0.9, classes σ(ln 9) = 0.9 and σ(ln 4) = 0.8 (independent):
     * x = (0.75 * 1.05 - 0.025 + 1) / 2 = 0.88125, y = (0.5 * 1.05 - 0.025 + 0) / 2 = 0.25,
     * w = 32 * 2 / 64 = 1, h = 16 / 64 = 0.25; scores 0.81 (cat) and 0.72 (dog).
     */
    private static INDArray coarse() {
        return new YoloOutputs(1, 2, 2, 2, 2).cell(0, 0, 1, LN3, 0, LN2, 0, LN9, LN9, LN4).array();
    }

    /**
     * Fine scale (8 x 8 anchor), row 3, column 2, all offsets 0: x = (0.5 + 2) / 4 = 0.625,
     * y = (0.5 + 3) / 4 = 0.875, w = h = 8 / 64 = 0.125; objectness 0.9, dog σ(ln 3) = 0.75: score 0.675.
     */
    private static INDArray fine() {
        return new YoloOutputs(1, 1, 2, 4, 4).cell(0, 3, 2, 0, 0, 0, 0, LN9, -20, LN3).array();
    }

    @Test
    void decodesEveryScaleWithScaleXYAndPixelAnchors() {
        List<Detection> detections = DECODER.decode(List.of(coarse(), fine()), STRETCHED, NmsConfig.COURSE);

        // Coarse box (0.38125, 0.125)-(1.38125, 0.375) in 128x64 pixels: (48.8, 8)-(176.8, 24), clipped at 128.
        // Fine box (0.5625, 0.8125)-(0.6875, 0.9375): (72, 52)-(88, 60).
        assertThat(detections).hasSize(3);
        assertDetection(detections.get(0), 0, "cat", 0.81, new Box(48.8, 8, 128, 24));
        assertDetection(detections.get(1), 1, "dog", 0.72, new Box(48.8, 8, 128, 24));
        assertDetection(detections.get(2), 1, "dog", 0.675, new Box(72, 52, 88, 60));
    }

    @Test
    void suppressesTheCandidatesOfAllScalesTogether() {
        // Class-agnostic at IoU threshold 0 every pair counts as a duplicate: only the best candidate of all
        // scales may survive, so the fine scale's dog goes too.
        List<Detection> detections = DECODER.decode(List.of(coarse(), fine()), STRETCHED,
                NmsConfig.COURSE.withClassAgnostic(true).withIouThreshold(0));

        assertThat(detections).hasSize(1);
        assertDetection(detections.get(0), 0, "cat", 0.81, new Box(48.8, 8, 128, 24));
    }

    @Test
    void undoesALetterbox() {
        // 64x128 letterboxed into 64x64: scale 0.5, 16 columns of padding on the left.
        // Coarse box in input pixels (24.4, 8)-(88.4, 24) -> source (16.8, 16)-(144.8, 48), clipped at 64.
        // Fine box (36, 52)-(44, 60) -> source ((36 - 16) / 0.5, 52 / 0.5)-(56, 120) = (40, 104)-(56, 120).
        ImagePlacement letterboxed = ImagePlacement.letterboxed(
                LetterboxTransform.fit(new ImageSize(64, 128), new ImageSize(64, 64)));

        List<Detection> detections = DECODER.decode(List.of(coarse(), fine()), letterboxed, NmsConfig.COURSE);

        assertDetection(detections.get(0), 0, "cat", 0.81, new Box(16.8, 16, 64, 48));
        assertDetection(detections.get(2), 1, "dog", 0.675, new Box(40, 104, 56, 120));
    }

    @Test
    void rejectsMismatchedOutputsAndHeads() {
        assertThatThrownBy(() -> DECODER.decode(List.of(coarse()), STRETCHED, NmsConfig.COURSE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 heads but 1 outputs");
        assertThatThrownBy(() -> DECODER.decode(List.of(fine(), coarse()), STRETCHED, NmsConfig.COURSE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mask [1, 2]");
        assertThatThrownBy(() -> new YoloV3Decoder(List.of(COARSE, YoloV3Head.of(ANCHORS, List.of(0), 3)),
                new ImageSize(64, 64), List.of("cat", "dog")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same classes");
        assertThatThrownBy(() -> new YoloV3Decoder(List.of(), new ImageSize(64, 64), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one head");
    }

    @Test
    void headsCheckTheirMaskAndScale() {
        assertThat(COARSE.maskedAnchors()).containsExactly(new BoxShape(32, 16), new BoxShape(64, 64));
        assertThat(COARSE.channels()).isEqualTo(14);
        assertThat(FINE.scaleXY()).isEqualTo(1);
        assertThatThrownBy(() -> YoloV3Head.of(ANCHORS, List.of(3), 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mask index 3");
        assertThatThrownBy(() -> YoloV3Head.of(ANCHORS, List.of(), 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one anchor in its mask");
        assertThatThrownBy(() -> new YoloV3Head(ANCHORS, List.of(0), 2, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale_x_y");
        assertThatThrownBy(() -> YoloV3Head.of(ANCHORS, List.of(0), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("number of classes");
    }
}
