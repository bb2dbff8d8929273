package org.cvkit.detection.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.detection.geometry.GroundTruth;
import org.junit.jupiter.api.Test;

class YoloLabelsTest {

    private static final ImageSize SIZE = new ImageSize(100, 200);

    @Test
    void writesClassCentreAndSizeAsFractionsOfTheImage() {
        // (10, 20)-(30, 60) in 100x200: centre (20, 40) -> (0.2, 0.2), size 20x40 -> 0.2 x 0.2
        List<GroundTruth> objects = List.of(new GroundTruth(Box.fromCorners(10, 20, 30, 60), 2),
                new GroundTruth(Box.fromCorners(0, 0, 100, 200), 0));

        assertThat(YoloLabels.format(objects, SIZE).split("\r?\n"))
                .containsExactly("2 0.200000 0.200000 0.200000 0.200000", "0 0.500000 0.500000 1.000000 1.000000");
    }

    @Test
    void readsBoxesBackInPixels() throws LabelFormatException {
        List<GroundTruth> objects = YoloLabels.parse("1 0.25 0.5 0.1 0.2\n\n  0 0.5 0.5 1 1  \r\n", SIZE, 2,
                "a.txt");

        assertThat(objects).hasSize(2);
        assertThat(objects.get(0).classIndex()).isEqualTo(1);
        Box box = objects.get(0).box();
        assertThat(new double[] {box.x1(), box.y1(), box.x2(), box.y2()})
                .containsExactly(new double[] {20, 80, 30, 120}, within(1e-9));
        assertThat(objects.get(1).box()).isEqualTo(Box.fromCorners(0, 0, 100, 200));
    }

    @Test
    void aRoundTripKeepsBoxesToSixDecimalsOfTheImageSize() throws LabelFormatException {
        GroundTruth object = new GroundTruth(Box.fromCorners(1.0 / 3, 7.25, 50.125, 199), 3);

        Box back = YoloLabels.parse(YoloLabels.format(List.of(object), SIZE), SIZE, 4, "a.txt").get(0).box();

        assertThat(back.x1()).isCloseTo(1.0 / 3, within(1e-4));
        assertThat(back.y1()).isCloseTo(7.25, within(2e-4));
        assertThat(back.x2()).isCloseTo(50.125, within(1e-4));
        assertThat(back.y2()).isCloseTo(199, within(2e-4));
    }

    @Test
    void rejectsMalformedLinesNamingFileAndLine() {
        assertThatThrownBy(() -> YoloLabels.parse("0 0.5 0.5 0.1 0.1\n0 0.5 0.5 0.1", SIZE, 1, "a.txt"))
                .isInstanceOf(LabelFormatException.class).hasMessageContaining("a.txt line 2")
                .hasMessageContaining("5 fields");
        assertThatThrownBy(() -> YoloLabels.parse("x 0.5 0.5 0.1 0.1", SIZE, 1, "a.txt"))
                .isInstanceOf(LabelFormatException.class).hasMessageContaining("integer class");
        assertThatThrownBy(() -> YoloLabels.parse("0 0.5 half 0.1 0.1", SIZE, 1, "a.txt"))
                .isInstanceOf(LabelFormatException.class).hasMessageContaining("decimal numbers");
    }

    @Test
    void rejectsUnknownClassesAndBoxesOutsideTheImage() {
        assertThatThrownBy(() -> YoloLabels.parse("3 0.5 0.5 0.1 0.1", SIZE, 3, "a.txt"))
                .isInstanceOf(LabelFormatException.class).hasMessageContaining("class 3 is not one of the 3");
        assertThatThrownBy(() -> YoloLabels.parse("-1 0.5 0.5 0.1 0.1", SIZE, 3, "a.txt"))
                .isInstanceOf(LabelFormatException.class).hasMessageContaining("class -1");
        assertThatThrownBy(() -> YoloLabels.parse("0 0.95 0.5 0.2 0.1", SIZE, 1, "a.txt"))
                .isInstanceOf(LabelFormatException.class).hasMessageContaining("within the image");
        assertThatThrownBy(() -> YoloLabels.parse("0 50 60 10 10", SIZE, 1, "a.txt"))
                .isInstanceOf(LabelFormatException.class).hasMessageContaining("fractions");
        assertThatThrownBy(() -> YoloLabels.parse("0 0.5 0.5 -0.1 0.1", SIZE, 1, "a.txt"))
                .isInstanceOf(LabelFormatException.class).hasMessageContaining("within the image");
    }
}
