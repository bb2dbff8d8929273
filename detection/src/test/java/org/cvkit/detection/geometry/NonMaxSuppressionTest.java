package org.cvkit.detection.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_dnn;
import org.bytedeco.opencv.opencv_core.Rect2d;
import org.bytedeco.opencv.opencv_core.Rect2dVector;
import org.cvkit.core.geometry.Box;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NonMaxSuppressionTest {

    @Test
    void keepsTheBestBoxOfEachCarAsInTheCourse() {
        Detection car1Best = car(10, 10, 50, 40, 0.9);
        Detection car2Best = car(100, 10, 140, 40, 0.8);
        List<Detection> detections = List.of(
                car(12, 12, 52, 42, 0.6),   // IoU 0.80 with car1Best
                car1Best,
                car2Best,
                car(8, 9, 48, 41, 0.7),     // IoU 0.84 with car1Best
                car(102, 8, 142, 38, 0.7),  // IoU 0.82 with car2Best
                car(98, 12, 138, 42, 0.55)); // below pc 0.6: dropped before suppression

        assertThat(NonMaxSuppression.apply(detections, NmsConfig.COURSE)).containsExactly(car1Best, car2Best);
        assertThat(NonMaxSuppression.keptIndices(detections, NmsConfig.COURSE)).containsExactly(1, 2);
    }

    @Test
    void dropsAtAnIouOfExactlyTheThresholdAndKeepsAScoreOfExactlyTheThreshold() {
        Detection best = car(0, 0, 4, 2, 0.9);
        Detection halfCovered = car(0, 0, 2, 2, 0.8);   // IoU 4 / 8 = 0.5: dropped
        Detection lessCovered = car(2, 0, 5, 2, 0.6);   // IoU 4 / 10 = 0.4: kept, score 0.6 kept

        assertThat(NonMaxSuppression.apply(List.of(halfCovered, lessCovered, best), NmsConfig.COURSE))
                .containsExactly(best, lessCovered);
    }

    @Test
    void suppressesWithinEachClassUnlessClassAgnostic() {
        Detection car = car(0, 0, 10, 10, 0.9);
        Detection person = new Detection(new Box(1, 0, 11, 10), 0, "person", 0.8);   // IoU 90 / 110 with car
        List<Detection> detections = List.of(person, car);

        assertThat(NonMaxSuppression.apply(detections, NmsConfig.COURSE)).containsExactly(car, person);
        assertThat(NonMaxSuppression.apply(detections, NmsConfig.COURSE.withClassAgnostic(true)))
                .containsExactly(car);
    }

    @Test
    void equalScoresKeepTheirInputOrder() {
        List<Detection> detections = List.of(car(50, 50, 60, 60, 0.7), car(0, 0, 10, 10, 0.9),
                car(20, 20, 30, 30, 0.7));

        assertThat(NonMaxSuppression.keptIndices(detections, NmsConfig.COURSE)).containsExactly(1, 0, 2);
    }

    @Test
    void extremeIouThresholds() {
        Detection best = car(0, 0, 10, 10, 0.9);
        Detection duplicate = car(0, 0, 10, 10, 0.8);
        Detection far = car(100, 100, 110, 110, 0.7);
        List<Detection> detections = List.of(far, duplicate, best);

        // Every IoU is at least 0: the best box suppresses everything else in its class.
        assertThat(NonMaxSuppression.apply(detections, NmsConfig.COURSE.withIouThreshold(0))).containsExactly(best);
        // Only boxes identical to a kept one reach IoU 1.
        assertThat(NonMaxSuppression.apply(detections, NmsConfig.COURSE.withIouThreshold(1)))
                .containsExactly(best, far);
    }

    @Test
    void emptyInputGivesNothing() {
        assertThat(NonMaxSuppression.apply(List.of(), NmsConfig.COURSE)).isEmpty();
        assertThat(NonMaxSuppression.apply(List.of(car(0, 0, 1, 1, 0.3)), NmsConfig.COURSE)).isEmpty();
    }

    @Test
    void rejectsMissingArguments() {
        assertThatThrownBy(() -> NonMaxSuppression.apply(null, NmsConfig.COURSE))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> NonMaxSuppression.apply(List.of(), null)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest(name = "{0} boxes up to {1} px, {2} classes, IoU {3}, agnostic {4}")
    @CsvSource({
        "3000, 40, 5, 0.5, false",
        "3000, 200, 3, 0.3, false",
        "2000, 60, 4, 0.7, true",
        "2000, 900, 1, 0.5, false",
        "500, 5, 2, 0.05, true"})
    void agreesWithTheAllPairsAlgorithmOnRandomBoxes(int count, double maxSide, int classes, double iou,
                                                     boolean agnostic) {
        Random random = new Random(count + classes);
        List<Detection> detections = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double width = random.nextInt(10) == 0 ? 0 : random.nextDouble() * maxSide;
            double height = random.nextDouble() * maxSide;
            double x = random.nextDouble() * 1000 - 100;
            double y = random.nextDouble() * 800 - 100;
            double score = random.nextInt(20) == 0 ? 0.75 : Math.round(random.nextDouble() * 1000) / 1000.0;
            detections.add(new Detection(new Box(x, y, x + width, y + height), random.nextInt(classes), "", score));
        }
        NmsConfig config = new NmsConfig(0.2, iou, agnostic);

        assertThat(NonMaxSuppression.keptIndices(detections, config))
                .containsExactly(allPairsNms(detections, config));
    }

    @ParameterizedTest(name = "IoU {0}")
    @CsvSource({"0.5", "0.3333333333333333", "0.25", "0.6", "1"})
    void agreesWithTheAllPairsAlgorithmWhereManyIousEqualTheThreshold(double iou) {
        // Small integer boxes on a lattice: many pairs sit exactly at IoU 1/2, 1/3, 1/4 or 3/5.
        Random random = new Random(11);
        List<Detection> detections = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            int x = random.nextInt(30);
            int y = random.nextInt(30);
            detections.add(new Detection(new Box(x, y, x + 1 + random.nextInt(6), y + 1 + random.nextInt(6)),
                    random.nextInt(2), "", random.nextInt(10) / 10.0));
        }
        NmsConfig config = new NmsConfig(0, iou, false);

        assertThat(NonMaxSuppression.keptIndices(detections, config))
                .containsExactly(allPairsNms(detections, config));
    }

    @ParameterizedTest(name = "IoU {0}")
    @CsvSource({"0.3", "0.5", "0.7"})
    void agreesWithOpenCvNmsBoxes(float iou) {
        // OpenCV keeps scores above its threshold and drops IoUs above its threshold, the course at equality
        // too; with random coordinates and float scores no pair sits exactly on either threshold.
        Random random = new Random(17);
        int count = 2000;
        List<Detection> detections = new ArrayList<>();
        try (Rect2dVector boxes = new Rect2dVector(count); FloatPointer scores = new FloatPointer(count);
             IntPointer kept = new IntPointer()) {
            for (int i = 0; i < count; i++) {
                double x = random.nextDouble() * 500;
                double y = random.nextDouble() * 500;
                double width = 1 + random.nextDouble() * 80;
                double height = 1 + random.nextDouble() * 80;
                float score = random.nextFloat();
                try (Rect2d box = new Rect2d(x, y, width, height)) {
                    boxes.put(i, box);
                }
                scores.put(i, score);
                detections.add(new Detection(new Box(x, y, x + width, y + height), 0, "", score));
            }
            opencv_dnn.NMSBoxes(boxes, scores, 0.2f, iou, kept, 1.0f, 0);
            int[] openCv = new int[(int) kept.limit()];
            kept.get(openCv);

            assertThat(NonMaxSuppression.keptIndices(detections, new NmsConfig(0.2, iou, true)))
                    .containsExactly(openCv);
        }
    }

    /** The course's algorithm written plainly: sort, then compare every remaining box with each kept one. */
    private static int[] allPairsNms(List<Detection> detections, NmsConfig config) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < detections.size(); i++) {
            if (detections.get(i).score() >= config.scoreThreshold()) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -detections.get(i).score())
                .thenComparingInt(i -> i));
        List<Integer> kept = new ArrayList<>();
        for (int candidate : order) {
            boolean suppressed = false;
            for (int keeper : kept) {
                Detection a = detections.get(keeper);
                Detection b = detections.get(candidate);
                boolean sameGroup = config.classAgnostic() || a.classIndex() == b.classIndex();
                if (sameGroup && Iou.of(a.box(), b.box()) >= config.iouThreshold()) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) {
                kept.add(candidate);
            }
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Detection car(double x1, double y1, double x2, double y2, double score) {
        return new Detection(new Box(x1, y1, x2, y2), 1, "car", score);
    }
}
