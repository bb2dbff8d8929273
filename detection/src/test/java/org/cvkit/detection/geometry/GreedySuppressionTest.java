package org.cvkit.detection.geometry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.cvkit.core.geometry.Box;
import org.junit.jupiter.api.Test;

/** The bound that lets the suppression look only at nearby kept boxes. */
class GreedySuppressionTest {

    @Test
    void reachIsOneMinusTTimesTheLargerOfOneAndOneOverTwoT() {
        assertThat(GreedySuppression.reach(0.5)).isEqualTo(0.5);
        assertThat(GreedySuppression.reach(0.75)).isEqualTo(0.25);
        assertThat(GreedySuppression.reach(0.25)).isEqualTo(1.5);
        assertThat(GreedySuppression.reach(1)).isZero();
    }

    @Test
    void reachIsAttainedByASmallBoxAtTheEdgeOfALargeOne() {
        // t = 0.5: a 20-wide box inside a 40-wide one, flush right: IoU 200 / 400, centres 10 = 0.5 * 20 apart.
        assertThat(Iou.of(new Box(0, 0, 40, 10), new Box(20, 0, 40, 10))).isEqualTo(0.5);
        // t = 0.25: a 10-wide box inside a 40-wide one, flush right: IoU 0.25, centres 15 = 1.5 * 10 apart.
        assertThat(Iou.of(new Box(0, 0, 40, 10), new Box(30, 0, 40, 10))).isEqualTo(0.25);
    }

    @Test
    void boxesReachingTheThresholdHaveCentresWithinReach() {
        Random random = new Random(3);
        double[] thresholds = {0.1, 0.25, 0.5, 0.7, 0.9};
        int checked = 0;
        for (int i = 0; i < 200_000; i++) {
            Box a = randomBox(random);
            Box b = randomBox(random);
            double iou = Iou.of(a, b);
            for (double t : thresholds) {
                if (iou >= t) {
                    double reach = GreedySuppression.reach(t);
                    double apartX = Math.abs(a.centreX() - b.centreX());
                    double apartY = Math.abs(a.centreY() - b.centreY());
                    assertThat(apartX).isLessThanOrEqualTo(reach * Math.min(a.width(), b.width()) + 1e-9);
                    assertThat(apartY).isLessThanOrEqualTo(reach * Math.min(a.height(), b.height()) + 1e-9);
                    checked++;
                }
            }
        }
        assertThat(checked).as("pairs reaching a threshold").isGreaterThan(10_000);
    }

    private static Box randomBox(Random random) {
        double x = random.nextDouble() * 20;
        double y = random.nextDouble() * 20;
        return new Box(x, y, x + 1 + random.nextDouble() * 20, y + 1 + random.nextDouble() * 20);
    }
}
