package org.cvkit.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.cvkit.core.image.ChannelOrder;
import org.cvkit.core.image.ImageTensorFormat;
import org.cvkit.core.image.Normalization;
import org.cvkit.core.io.ModelMetadata.InputShape;
import org.cvkit.core.io.ModelMetadata.Provenance;
import org.junit.jupiter.api.Test;

class ModelMetadataTest {

    private static final Provenance PROVENANCE = new Provenance(1, "Fashion-MNIST", 2, Instant.EPOCH, "0.1.0");

    private static ModelMetadata colour(String order, Normalization normalization) {
        return new ModelMetadata("Net", new InputShape(224, 224, 3), order, normalization, List.of(), PROVENANCE);
    }

    @Test
    void copiesTheLabels() {
        List<String> labels = new ArrayList<>(List.of("a", "b"));
        ModelMetadata metadata = new ModelMetadata("Net", new InputShape(4, 4, 1), ModelMetadata.GRAY,
                Normalization.UNIT, labels, PROVENANCE);
        labels.add("c");
        assertThat(metadata.labels()).containsExactly("a", "b");
    }

    @Test
    void givesTheTensorFormatOfTheImagePackage() {
        assertThat(colour(ModelMetadata.BGR, Normalization.CAFFE_BGR_MEAN).tensorFormat())
                .isEqualTo(ImageTensorFormat.BGR_CAFFE);
        assertThat(colour(ModelMetadata.RGB, Normalization.IMAGENET).tensorFormat())
                .isEqualTo(ImageTensorFormat.RGB_IMAGENET);
        ModelMetadata gray = new ModelMetadata("Net", new InputShape(28, 28, 1), ModelMetadata.GRAY,
                Normalization.UNIT, List.of(), PROVENANCE);
        assertThat(gray.tensorFormat()).isEqualTo(new ImageTensorFormat(ChannelOrder.RGB, Normalization.UNIT));
    }

    @Test
    void replacesTheEpochCountForCheckpoints() {
        ModelMetadata metadata = colour(ModelMetadata.RGB, Normalization.IMAGENET);
        ModelMetadata later = metadata.withEpochs(7);
        assertThat(later.provenance().epochs()).isEqualTo(7);
        assertThat(later.provenance().created()).isEqualTo(Instant.EPOCH);
        assertThat(later.withEpochs(2)).isEqualTo(metadata);
    }

    @Test
    void provenanceNowUsesTheClockAndAVersion() {
        Instant before = Instant.now();
        Provenance now = Provenance.now(5, "data", 1);
        assertThat(now.created()).isBetween(before, Instant.now());
        assertThat(now.cvkitVersion()).isNotBlank();
    }

    @Test
    void rejectsAChannelOrderThatDoesNotFitTheShape() {
        assertThatThrownBy(() -> new ModelMetadata("Net", new InputShape(28, 28, 1), ModelMetadata.RGB,
                Normalization.UNIT, List.of(), PROVENANCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("channel order RGB does not fit 1 input channel(s)");
        assertThatThrownBy(() -> colour(ModelMetadata.GRAY, Normalization.UNIT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("channel order GRAY does not fit 3");
        assertThatThrownBy(() -> colour("rgb", Normalization.UNIT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use GRAY for 1 channel and RGB or BGR for 3");
        assertThatThrownBy(() -> colour(null, Normalization.UNIT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNormalizationForAnotherNumberOfChannels() {
        assertThatThrownBy(() -> new ModelMetadata("Net", new InputShape(28, 28, 1), ModelMetadata.GRAY,
                Normalization.IMAGENET, List.of(), PROVENANCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit 1 input channel(s)");
    }

    @Test
    void rejectsMissingTextsAndBadShapes() {
        assertThatThrownBy(() -> new ModelMetadata(" ", new InputShape(1, 1, 1), ModelMetadata.GRAY,
                Normalization.UNIT, List.of(), PROVENANCE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("architecture must be");
        assertThatThrownBy(() -> new ModelMetadata("Net", new InputShape(1, 1, 1), ModelMetadata.GRAY,
                Normalization.UNIT, List.of("ok", ""), PROVENANCE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("every label must be");
        assertThatThrownBy(() -> new InputShape(0, 28, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(height 0, width 28, channels 1)");
        assertThatThrownBy(() -> new Provenance(1, "data", -1, Instant.EPOCH, "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("epochs must be zero or more");
        assertThatThrownBy(() -> new Provenance(1, "", 1, Instant.EPOCH, "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trainingData must be");
    }
}
