package org.cvkit.face.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TinyFaceDetectorOptionsTest {

    @Test
    void defaultsToFaceApisSettings() {
        assertThat(TinyFaceDetectorOptions.DEFAULT).isEqualTo(new TinyFaceDetectorOptions(416, 0.5));
        assertThat(TinyFaceDetectorOptions.DEFAULT.withInputSize(320).withScoreThreshold(0.3))
                .isEqualTo(new TinyFaceDetectorOptions(320, 0.3));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -32, 16, 400, 417})
    void rejectsAnInputSizeThatIsNoPositiveMultipleOf32(int size) {
        assertThatThrownBy(() -> TinyFaceDetectorOptions.DEFAULT.withInputSize(size))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple of 32")
                .hasMessageContaining("but is " + size);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1, -0.1, 50, Double.NaN})
    void rejectsAScoreThresholdOutsideZeroToOne(double threshold) {
        assertThatThrownBy(() -> TinyFaceDetectorOptions.DEFAULT.withScoreThreshold(threshold))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strictly between 0 and 1");
    }
}
