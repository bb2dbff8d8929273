package org.cvkit.detection.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.core.image.LetterboxTransform;
import org.junit.jupiter.api.Test;

class ImagePlacementTest {

    private static final ImageSize SOURCE = new ImageSize(200, 100);

    @Test
    void stretchedBoxesScaleStraightToTheSource() {
        ImagePlacement placement = ImagePlacement.stretched(SOURCE);

        assertThat(placement.source()).isEqualTo(SOURCE);
        assertThat(placement.toSource(new Box(0.25, 0.5, 0.75, 1.0))).isEqualTo(new Box(50, 50, 150, 100));
        assertThat(placement.toSource(new Box(-0.25, 0.5, 0.75, 1.5))).isEqualTo(new Box(-50, 50, 150, 150));
        assertThat(placement.clip(new Box(-50, 50, 150, 150))).isEqualTo(new Box(0, 50, 150, 100));
    }

    @Test
    void letterboxedBoxesLoseThePaddingAndTheScale() {
        // 200x100 into 100x100: scale 0.5, content 100x50, 25 rows of padding above.
        LetterboxTransform transform = LetterboxTransform.fit(SOURCE, new ImageSize(100, 100));
        ImagePlacement placement = ImagePlacement.letterboxed(transform);

        assertThat(placement.source()).isEqualTo(SOURCE);
        // Target pixels (12.5, 37.5)-(50, 62.5) -> minus the offset (12.5, 12.5)-(50, 37.5) -> divided by 0.5.
        assertThat(placement.toSource(new Box(0.125, 0.375, 0.5, 0.625))).isEqualTo(new Box(25, 25, 100, 75));
        // (0, 12.5)-(25, 37.5) reaches into the top padding: (0, -25)-(50, 25), which clipping trims.
        assertThat(placement.toSource(new Box(0, 0.125, 0.25, 0.375))).isEqualTo(new Box(0, -25, 50, 25));
        assertThat(placement.clip(new Box(0, -25, 50, 25))).isEqualTo(new Box(0, 0, 50, 25));
    }

    @Test
    void placementsNeedTheirParts() {
        assertThatThrownBy(() -> ImagePlacement.stretched(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ImagePlacement.letterboxed(null)).isInstanceOf(NullPointerException.class);
    }
}
