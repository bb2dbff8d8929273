package org.cvkit.detection.anchors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cvkit.core.geometry.Box;
import org.cvkit.detection.geometry.BoxShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnchorKMeansTest {

    private static final double EXACT = 1e-12;

    /** Three far-apart pairs whose means are (10, 10), (40, 100) and (200, 50). */
    private static final List<BoxShape> THREE_PAIRS = List.of(
            new BoxShape(150, 50), new BoxShape(9, 10), new BoxShape(40, 80),
            new BoxShape(11, 10), new BoxShape(250, 50), new BoxShape(40, 120));

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 2024})
    void findsTheMeanOfEachClusterSortedByArea(long seed) {
        AnchorClusters clusters = AnchorKMeans.of(3).withSeed(seed).fit(THREE_PAIRS);

        assertThat(clusters.anchors()).containsExactly(
                new BoxShape(10, 10), new BoxShape(40, 100), new BoxShape(200, 50));
        // Each shape's IoU with its cluster's mean, at a common centre:
        // 9x10 vs 10x10: 90/100; 11x10: 100/110; 40x80 vs 40x100: 3200/4000; 40x120: 4000/4800;
        // 150x50 vs 200x50: 7500/10000; 250x50: 10000/12500.
        double expected = (0.9 + 10.0 / 11 + 0.8 + 5.0 / 6 + 0.75 + 0.8) / 6;
        assertThat(clusters.meanBestIou()).isCloseTo(expected, within(EXACT));
        assertThat(clusters.converged()).isTrue();
    }

    @Test
    void oneAnchorIsTheMeanShape() {
        List<Box> boxes = List.of(new Box(0, 0, 2, 4), new Box(5, 5, 9, 7), new Box(1, 1, 7, 7));

        AnchorClusters clusters = AnchorKMeans.of(1).fitBoxes(boxes);

        // Mean of 2x4, 4x2 and 6x6 is 4x4; IoUs 8/16, 8/16 and 16/36.
        assertThat(clusters.anchors()).containsExactly(new BoxShape(4, 4));
        assertThat(clusters.meanBestIou()).isCloseTo(13.0 / 27, within(EXACT));
        // Round 1 assigns and moves the centre; round 2 changes nothing.
        assertThat(clusters.iterations()).isEqualTo(2);
        assertThat(clusters.converged()).isTrue();
    }

    @Test
    void recoversFiveNoisyClusters() {
        BoxShape[] truth = {new BoxShape(12, 16), new BoxShape(30, 60), new BoxShape(70, 30),
            new BoxShape(100, 110), new BoxShape(250, 300)};
        Random random = new Random(5);
        List<BoxShape> shapes = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            BoxShape centre = truth[i % truth.length];
            shapes.add(new BoxShape(centre.width() * (1 + 0.1 * random.nextGaussian()),
                    centre.height() * (1 + 0.1 * random.nextGaussian())));
        }

        AnchorClusters clusters = AnchorKMeans.of(5).fit(shapes);

        List<BoxShape> anchors = clusters.anchors();
        for (int i = 0; i < truth.length; i++) {
            assertThat(anchors.get(i).width()).isCloseTo(truth[i].width(), within(0.03 * truth[i].width()));
            assertThat(anchors.get(i).height()).isCloseTo(truth[i].height(), within(0.03 * truth[i].height()));
        }
        // 10% noise on each side keeps a shape's IoU with its true centre near 0.85 on average.
        assertThat(clusters.meanBestIou()).isBetween(0.8, 0.95);
        assertThat(AnchorKMeans.of(5).fit(shapes)).isEqualTo(clusters);
    }

    @Test
    void stopsAtTheIterationLimit() {
        AnchorClusters clusters = AnchorKMeans.of(1).withMaxIterations(1).fit(THREE_PAIRS);

        assertThat(clusters.iterations()).isEqualTo(1);
        assertThat(clusters.converged()).isFalse();
        // One round still moves the centre to the mean of all six shapes.
        assertThat(clusters.anchors().get(0).width()).isCloseTo(500.0 / 6, within(EXACT));
        assertThat(clusters.anchors().get(0).height()).isCloseTo(320.0 / 6, within(EXACT));
    }

    @Test
    void rejectsBadSettingsAndTooFewShapes() {
        assertThatThrownBy(() -> AnchorKMeans.of(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k must be positive");
        assertThatThrownBy(() -> AnchorKMeans.of(5).withMaxIterations(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxIterations");
        assertThatThrownBy(() -> AnchorKMeans.of(7).fit(THREE_PAIRS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least k = 7 distinct").hasMessageContaining("got 6");
        List<BoxShape> repeated = List.of(new BoxShape(1, 2), new BoxShape(1, 2), new BoxShape(3, 3));
        assertThatThrownBy(() -> AnchorKMeans.of(3).fit(repeated))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 2 (of 3 boxes)");
        assertThatThrownBy(() -> AnchorKMeans.of(1).fitBoxes(List.of(new Box(0, 0, 0, 4))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("degenerate");
    }
}
