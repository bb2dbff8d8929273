package org.cvkit.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.cvkit.augment.colour.Brightness;
import org.cvkit.augment.geometry.Flip;
import org.cvkit.core.geometry.Box;
import org.junit.jupiter.api.Test;

class PipelineTest {

    private static final List<LabeledBox> BOXES = List.of(new LabeledBox(new Box(10, 5, 30, 20), "cat"));

    @Test
    void twoHorizontalFlipsRestorePixelsAndBoxes() {
        try (Sample input = Sample.of(TestImages.noise(40, 30, 3, 3), BOXES, List.of());
             Sample output = Sequence.of(Flip.HORIZONTAL, Flip.HORIZONTAL).apply(input, new SplittableRandom(0))) {
            assertThat(TestImages.bytes(output.image())).isEqualTo(TestImages.bytes(input.image()));
            assertThat(output.boxes()).isEqualTo(BOXES);
        }
    }

    @Test
    void sequenceAppliesStepsInOrderAndLeavesTheInputAlone() {
        Transform brighter = new Brightness(Range.fixed(0.2));
        try (Sample input = Sample.of(TestImages.filled(8, 8, 1, 100));
             Sample output = Sequence.of(brighter, brighter).apply(input, new SplittableRandom(0))) {
            assertThat(TestImages.level(output.image(), 0, 0, 0)).isEqualTo(100 + 51 + 51);
            assertThat(TestImages.level(input.image(), 0, 0, 0)).isEqualTo(100);
        }
    }

    @Test
    void anEmptySequenceCopies() {
        try (Sample input = Sample.of(TestImages.filled(8, 8, 1, 100), BOXES, List.of());
             Sample output = new Sequence(List.of()).apply(input, new SplittableRandom(0))) {
            assertThat(output.image().address()).isNotEqualTo(input.image().address());
            assertThat(output.boxes()).isEqualTo(BOXES);
        }
    }

    @Test
    void sometimesAppliesWithItsProbability() {
        Transform half = new Sometimes(0.5, new Brightness(Range.fixed(0.2)));
        SplittableRandom random = new SplittableRandom(5);
        int applied = 0;
        int trials = 400;
        try (Sample input = Sample.of(TestImages.filled(2, 2, 1, 100))) {
            for (int i = 0; i < trials; i++) {
                try (Sample output = half.apply(input, random)) {
                    applied += TestImages.level(output.image(), 0, 0, 0) == 151 ? 1 : 0;
                }
            }
        }
        // Binomial(400, 0.5): mean 200, standard deviation 10.
        assertThat(applied).isBetween(160, 240);
    }

    @Test
    void oneOfChoosesEachAlternativeUniformly() {
        Transform choice = OneOf.of(new Brightness(Range.fixed(0.2)), new Brightness(Range.fixed(-0.2)));
        SplittableRandom random = new SplittableRandom(9);
        int brighter = 0;
        int trials = 400;
        try (Sample input = Sample.of(TestImages.filled(2, 2, 1, 100))) {
            for (int i = 0; i < trials; i++) {
                try (Sample output = choice.apply(input, random)) {
                    int level = TestImages.level(output.image(), 0, 0, 0);
                    assertThat(level).isIn(151, 49);
                    brighter += level == 151 ? 1 : 0;
                }
            }
        }
        assertThat(brighter).isBetween(160, 240);
    }

    @Test
    void rejectsInvalidCompositions() {
        assertThatThrownBy(() -> new OneOf(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one");
        assertThatThrownBy(() -> new Sometimes(1.5, Flip.HORIZONTAL)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0:1");
    }
}
