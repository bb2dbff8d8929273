package org.cvkit.core.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImageSizeTest {

    @Test
    void areaIsWidthTimesHeight() {
        assertThat(new ImageSize(640, 480).area()).isEqualTo(307_200L);
        assertThat(new ImageSize(65_536, 65_536).area()).isEqualTo(4_294_967_296L);
    }

    @Test
    void parsesWidthByHeight() {
        assertThat(ImageSize.parse("640x480")).isEqualTo(new ImageSize(640, 480));
        assertThat(ImageSize.parse(" 32 X 16 ")).isEqualTo(new ImageSize(32, 16));
    }

    @Test
    void printsTheFormItParses() {
        assertThat(new ImageSize(640, 480)).hasToString("640x480");
        assertThat(ImageSize.parse(new ImageSize(7, 3).toString())).isEqualTo(new ImageSize(7, 3));
    }

    @Test
    void rejectsNonPositiveDimensions() {
        assertThatThrownBy(() -> new ImageSize(0, 480))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0x480");
        assertThatThrownBy(() -> new ImageSize(640, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("640x-1");
        assertThatThrownBy(() -> ImageSize.parse("0x480"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }

    @Test
    void rejectsTextOfAnotherForm() {
        for (String text : new String[] {"640", "640x", "x480", "640*480", "-640x480", "640x480x3", "axb", ""}) {
            assertThatThrownBy(() -> ImageSize.parse(text)).as(text)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WIDTHxHEIGHT");
        }
    }

    @Test
    void rejectsDimensionsBeyondInt() {
        assertThatThrownBy(() -> ImageSize.parse("99999999999x1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beyond");
    }
}
