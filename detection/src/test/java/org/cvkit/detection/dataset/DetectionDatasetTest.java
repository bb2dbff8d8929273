package org.cvkit.detection.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.List;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.detection.geometry.GroundTruth;
import org.junit.jupiter.api.Test;

class DetectionDatasetTest {

    private static final BufferedImage IMAGE = new BufferedImage(8, 6, BufferedImage.TYPE_3BYTE_BGR);
    private static final GroundTruth BAG = new GroundTruth(Box.fromCorners(1, 1, 4, 4), 1);

    @Test
    void countsObjectsAndKnowsImageSizes() {
        DetectionDataset dataset = new DetectionDataset(List.of("Trouser", "Bag"), List.of(
                new DetectionSample("a", IMAGE, List.of(BAG, BAG)), new DetectionSample("b", IMAGE, List.of(BAG))));

        assertThat(dataset.objectCount()).isEqualTo(3);
        assertThat(dataset.samples().get(0).size()).isEqualTo(new ImageSize(8, 6));
    }

    @Test
    void rejectsClassNamesAndSampleNamesThatWouldClash() {
        assertThatThrownBy(() -> new DetectionDataset(List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one class name");
        assertThatThrownBy(() -> new DetectionDataset(List.of("Bag", "Bag"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("distinct and not blank");
        assertThatThrownBy(() -> new DetectionDataset(List.of("Bag", " "), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("distinct and not blank");
        DetectionSample sample = new DetectionSample("a", IMAGE, List.of());
        assertThatThrownBy(() -> new DetectionDataset(List.of("Bag"), List.of(sample, sample)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two samples are named 'a'");
        assertThatThrownBy(() -> new DetectionDataset(List.of("Bag"),
                List.of(new DetectionSample("a", IMAGE, List.of(BAG)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("class 1 but there are only 1");
    }

    @Test
    void sampleNamesMustBePlainFileNames() {
        for (String name : new String[] {"", "../x", "a/b", ".hidden", "a b"}) {
            assertThatThrownBy(() -> new DetectionSample(name, IMAGE, List.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain file name");
        }
        assertThat(new DetectionSample("scene-0001_v2.a", IMAGE, List.of()).name()).isEqualTo("scene-0001_v2.a");
    }
}
