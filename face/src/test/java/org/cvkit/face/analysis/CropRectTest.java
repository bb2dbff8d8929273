package org.cvkit.face.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.ImageSize;
import org.junit.jupiter.api.Test;

class CropRectTest {

    private static final ImageSize IMAGE = new ImageSize(100, 80);

    /** x' = 10.7, y' = 20.2, w' = min(110.9 - 10.7, 100 - 10.7) = 89.3, h' = min(70.3, 59.8); each floored. */
    @Test
    void clipsABoxAtTheImageBordersThenFloorsEachValue() {
        assertThat(CropRect.clipped(new Box(10.7, 20.2, 110.9, 90.5), IMAGE)).isEqualTo(new CropRect(10, 20, 89, 59));
    }

    /** Inside the image the floors of x and width add up to one pixel less than the box's right edge. */
    @Test
    void floorsTheWidthApartFromTheLeftEdge() {
        assertThat(CropRect.clipped(new Box(10.7, 5.6, 30.5, 25.3), IMAGE)).isEqualTo(new CropRect(10, 5, 19, 19));
    }

    @Test
    void startsABoxThatLeavesTheTopLeftAtTheCorner() {
        assertThat(CropRect.clipped(new Box(-5.5, -3, 50.9, 40.2), IMAGE)).isEqualTo(new CropRect(0, 0, 50, 40));
    }

    @Test
    void isEmptyForABoxBesideTheImage() {
        CropRect beside = CropRect.clipped(new Box(120, 10, 150, 40), IMAGE);

        assertThat(beside.isEmpty()).isTrue();
        assertThat(CropRect.clipped(new Box(10, 10, 10.5, 40), IMAGE).isEmpty()).isTrue();
        assertThat(new CropRect(0, 0, 1, 1).isEmpty()).isFalse();
    }

    @Test
    void cutsItsPixelsOutOfTheImage() {
        BufferedImage image = new BufferedImage(100, 80, BufferedImage.TYPE_INT_RGB);
        image.setRGB(12, 21, 0x123456);

        BufferedImage cut = new CropRect(10, 20, 5, 4).cut(image);

        assertThat(cut.getWidth()).isEqualTo(5);
        assertThat(cut.getHeight()).isEqualTo(4);
        assertThat(cut.getRGB(2, 1) & 0xffffff).isEqualTo(0x123456);
        assertThat(new CropRect(10, 20, 5, 4).toBox()).isEqualTo(new Box(10, 20, 15, 24));
    }

    @Test
    void refusesToCutOutsideTheImageOrNothing() {
        BufferedImage image = new BufferedImage(100, 80, BufferedImage.TYPE_INT_RGB);

        assertThatThrownBy(() -> new CropRect(90, 0, 20, 10).cut(image)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("100x80").hasMessageContaining("CropRect.clipped");
        assertThatThrownBy(() -> new CropRect(0, 0, 0, 10).cut(image)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNegativeValues() {
        assertThatThrownBy(() -> new CropRect(0, -1, 5, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-negative").hasMessageContaining("(0, -1) 5x5");
    }
}
