package org.cvkit.core.image;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cvkit.core.image.TestImages.assertPixels;
import static org.cvkit.core.image.TestImages.mat;
import static org.cvkit.core.image.TestImages.uniform;

import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.core.geometry.ImageSize;
import org.junit.jupiter.api.Test;

class ResizeTest {

    @Test
    void stretchIgnoresTheAspectRatio() {
        try (Mat image = uniform(480, 640, 10, 20, 30);
             Mat stretched = Resize.stretch(image, new ImageSize(320, 320))) {
            assertPixels(stretched, 320, 320, 3, (row, column, channel) -> new int[] {10, 20, 30}[channel]);
        }
    }

    @Test
    void shrinkingAveragesTheCoveredPixels() {
        // a 1-pixel checkerboard of 0 and 200 averages to 100 when halved
        try (Mat checkerboard = mat(4, 4, 1, (row, column, channel) -> (row + column) % 2 == 0 ? 0 : 200);
             Mat halved = Resize.stretch(checkerboard, new ImageSize(2, 2))) {
            assertPixels(halved, 2, 2, 1, (row, column, channel) -> 100);
        }
    }

    @Test
    void enlargingKeepsUniformColours() {
        try (Mat image = uniform(2, 2, 77);
             Mat enlarged = Resize.stretch(image, new ImageSize(6, 4))) {
            assertPixels(enlarged, 4, 6, 1, (row, column, channel) -> 77);
        }
    }

    @Test
    void rejectsEmptyMat() {
        try (Mat empty = new Mat()) {
            assertThatThrownBy(() -> Resize.stretch(empty, new ImageSize(2, 2)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        }
    }
}
