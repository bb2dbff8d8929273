package org.cvkit.detection.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.Keypoint;
import org.junit.jupiter.api.Test;

class DetectionTest {

    private static final Box BOX = new Box(1, 2, 3, 4);

    @Test
    void withScoreAndWithBoxChangeOnlyThatPart() {
        Detection detection = new Detection(BOX, 2, "car", 0.75);
        Box moved = new Box(5, 6, 7, 8);

        assertThat(detection.withScore(0.25)).isEqualTo(new Detection(BOX, 2, "car", 0.25));
        assertThat(detection.withBox(moved)).isEqualTo(new Detection(moved, 2, "car", 0.75));
    }

    @Test
    void keypointsAreCopiedAndKeptByTheOtherWithers() {
        List<Keypoint> points = new ArrayList<>(List.of(new Keypoint(1.5, 2.5, true)));
        Detection detection = new Detection(BOX, 2, "face", 0.75).withKeypoints(points);
        points.clear();

        assertThat(new Detection(BOX, 2, "face", 0.75).keypoints()).isEmpty();
        assertThat(detection.keypoints()).containsExactly(new Keypoint(1.5, 2.5, true));
        assertThat(detection.withScore(0.5).keypoints()).isEqualTo(detection.keypoints());
        assertThat(detection.withBox(new Box(0, 0, 1, 1)).keypoints()).isEqualTo(detection.keypoints());
    }

    @Test
    void rejectsScoresOutsideTheUnitInterval() {
        assertThatThrownBy(() -> new Detection(BOX, 0, "car", 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[0, 1]").hasMessageContaining("1.5");
        assertThatThrownBy(() -> new Detection(BOX, 0, "car", -0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Detection(BOX, 0, "car", Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNegativeClassesAndMissingParts() {
        assertThatThrownBy(() -> new Detection(BOX, -1, "car", 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("class index");
        assertThatThrownBy(() -> new Detection(null, 0, "car", 0.5)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Detection(BOX, 0, null, 0.5)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void groundTruthRejectsNegativeClassesAndMissingBoxes() {
        assertThat(new GroundTruth(BOX, 0).classIndex()).isZero();
        assertThatThrownBy(() -> new GroundTruth(BOX, -2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-2");
        assertThatThrownBy(() -> new GroundTruth(null, 0)).isInstanceOf(NullPointerException.class);
    }
}
