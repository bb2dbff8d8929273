package org.cvkit.detection.sliding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cvkit.core.geometry.Box;
import org.junit.jupiter.api.Test;

class WindowTest {

    @Test
    void countsThePositionsAlongASide() {
        // The course: 14-pixel windows at stride 2 on 16 and 28 pixels give 2 and 8 positions.
        assertThat(Window.positions(16, 14, 2)).isEqualTo(2);
        assertThat(Window.positions(28, 14, 2)).isEqualTo(8);
        assertThat(Window.positions(29, 14, 2)).isEqualTo(8);
        assertThat(Window.positions(13, 14, 2)).isZero();
    }

    @Test
    void rejectsNonPositiveSizesAndStrides() {
        assertThat(Window.square(14, 2)).isEqualTo(new Window(14, 14, 2));
        assertThatThrownBy(() -> new Window(0, 14, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0x14 at stride 2");
        assertThatThrownBy(() -> Window.square(14, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scoredWindowsCopyTheirScoresAndNameTheBestClass() {
        double[] scores = {0.1, 0.6, 0.6, 0.2};
        ScoredWindow window = new ScoredWindow(new Box(0, 0, 14, 14), scores);
        scores[0] = 9;

        assertThat(window.score(0)).isEqualTo(0.1);
        window.scores()[1] = 9;
        assertThat(window.score(1)).isEqualTo(0.6);
        assertThat(window.bestClass()).isEqualTo(1);
        assertThat(window).isEqualTo(new ScoredWindow(new Box(0, 0, 14, 14), new double[] {0.1, 0.6, 0.6, 0.2}));
        assertThat(window.toString()).contains("[0.1, 0.6, 0.6, 0.2]");
        assertThatThrownBy(() -> new ScoredWindow(new Box(0, 0, 1, 1), new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
    }
}
