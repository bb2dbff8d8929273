package org.cvkit.style;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.cvkit.style.network.TestNetworks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class InitializationTest {

    private final INDArray content = TestNetworks.randomImage(DataType.FLOAT, 6, 5, 1);

    @Test
    void contentStartsFromACopyOfTheContent() {
        INDArray start = Initialization.CONTENT.create(content, 1);

        assertThat(start).isEqualTo(content).isNotSameAs(content);
    }

    @Test
    void noiseIsUniformInTheUnitRangeAndFollowsTheSeed() {
        INDArray noise = Initialization.NOISE.create(content, 9);

        assertThat(noise.shape()).isEqualTo(content.shape());
        assertThat(noise.minNumber().doubleValue()).isGreaterThanOrEqualTo(0);
        assertThat(noise.maxNumber().doubleValue()).isLessThan(1);
        assertThat(noise).isEqualTo(Initialization.NOISE.create(content, 9));
        assertThat(noise).isNotEqualTo(Initialization.NOISE.create(content, 10));
    }

    @Test
    void mixIsTheMeanOfContentAndNoise() {
        INDArray mix = Initialization.MIX.create(content, 9);
        INDArray noise = Initialization.NOISE.create(content, 9);

        assertThat(mix.getDouble(0, 2, 3, 4)).isCloseTo((content.getDouble(0, 2, 3, 4)
                + noise.getDouble(0, 2, 3, 4)) / 2, within(1e-6));
    }
}
