package org.cvkit.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NormalizationTest {

    @Test
    void normalizeScalesThenSubtractsMeanThenDividesByStd() {
        Normalization normalization = Normalization.of(0.5, new double[] {1, 2, 3}, new double[] {2, 4, 8});
        assertThat(normalization.normalize(0, 10)).isEqualTo(2.0); // (5 - 1) / 2
        assertThat(normalization.normalize(1, 10)).isEqualTo(0.75); // (5 - 2) / 4
        assertThat(normalization.normalize(2, 10)).isEqualTo(0.25); // (5 - 3) / 8
    }

    @Test
    void denormalizeUndoesNormalize() {
        Normalization normalization = Normalization.of(0.5, new double[] {1, 2, 3}, new double[] {2, 4, 8});
        assertThat(normalization.denormalize(0, 2.0)).isEqualTo(10);
        assertThat(normalization.denormalize(2, 0.25)).isEqualTo(10);
    }

    @Test
    void singleValueAppliesToEveryChannel() {
        Normalization normalization = Normalization.of(1, new double[] {100}, new double[] {1, 2, 4});
        assertThat(normalization.normalize(2, 180)).isEqualTo(20);
        assertThat(normalization.fits(3)).isTrue();
        assertThat(normalization.fits(1)).isFalse();
        assertThat(Normalization.UNIT.fits(1)).isTrue();
        assertThat(Normalization.UNIT.fits(3)).isTrue();
    }

    @Test
    void presetsHoldThePublishedStatistics() {
        assertThat(Normalization.UNIT.normalize(0, 255)).isCloseTo(1.0, within(1e-12));
        assertThat(Normalization.IMAGENET.mean()).containsExactly(0.485, 0.456, 0.406);
        assertThat(Normalization.IMAGENET.std()).containsExactly(0.229, 0.224, 0.225);
        assertThat(Normalization.IMAGENET.scale()).isEqualTo(1.0 / 255);
        assertThat(Normalization.CAFFE_BGR_MEAN.mean()).containsExactly(103.939, 116.779, 123.68);
        assertThat(Normalization.CAFFE_BGR_MEAN.scale()).isEqualTo(1.0);
    }

    @Test
    void equalValuesMakeEqualNormalizations() {
        Normalization copy = Normalization.of(1.0 / 255, new double[] {0.485, 0.456, 0.406},
                new double[] {0.229, 0.224, 0.225});
        assertThat(copy).isEqualTo(Normalization.IMAGENET).hasSameHashCodeAs(Normalization.IMAGENET);
        assertThat(copy).isNotEqualTo(Normalization.UNIT);
    }

    @Test
    void arraysAreCopied() {
        double[] mean = {1, 2, 3};
        Normalization normalization = Normalization.of(1, mean, new double[] {1});
        mean[0] = 99;
        assertThat(normalization.mean()).containsExactly(1.0, 2.0, 3.0);
    }

    @Test
    void rejectsBadValues() {
        assertThatThrownBy(() -> Normalization.scaleOnly(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale");
        assertThatThrownBy(() -> Normalization.of(1, new double[0], new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
        assertThatThrownBy(() -> Normalization.of(1, new double[] {1, 2}, new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mean has 2 values");
        assertThatThrownBy(() -> Normalization.of(1, new double[] {Double.NaN}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
        assertThatThrownBy(() -> Normalization.of(1, new double[] {0}, new double[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("std");
    }
}
