package org.cvkit.zoo.format.darknet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.cvkit.zoo.SharedAssets;
import org.cvkit.zoo.format.ModelFormatException;
import org.junit.jupiter.api.Test;

class DarknetCfgTest {

    private static final String SAMPLE = """
            # leading comment
            [net]
            width=416   # trailing comment
            height = 320
            channels=3
            hue=.1
            ; semicolon comment

            [conv]
            filters=16
            size=3
            batch_normalize=1
            activation=leaky ; why not
            filters=32

            [MAX]
            size=2
            stride=2

            [route]
            layers = -1,  0
            """;

    @Test
    void parsesSectionsOptionsCommentsAndAliases() {
        DarknetCfg cfg = DarknetCfg.parse(SAMPLE, "sample.cfg");

        assertThat(cfg.sections()).extracting(CfgSection::type, CfgSection::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("net", 2), org.assertj.core.groups.Tuple.tuple("convolutional", 9),
                org.assertj.core.groups.Tuple.tuple("maxpool", 16), org.assertj.core.groups.Tuple.tuple("route", 20));
        assertThat(cfg.layers()).hasSize(3);
        CfgSection net = cfg.net();
        assertThat(net.intValue("width")).isEqualTo(416);
        assertThat(net.intValue("height")).isEqualTo(320);
        assertThat(net.floatValue("hue", 0f)).isEqualTo(0.1f);
        assertThat(net.floatValue("saturation", 1.5f)).isEqualTo(1.5f);
        assertThat(net.options()).extracting(CfgOption::key, CfgOption::value, CfgOption::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("width", "416", 3),
                org.assertj.core.groups.Tuple.tuple("height", "320", 4),
                org.assertj.core.groups.Tuple.tuple("channels", "3", 5),
                org.assertj.core.groups.Tuple.tuple("hue", ".1", 6));
    }

    @Test
    void keepsRepeatedKeysAndReadsTheFirstLikeDarknet() {
        CfgSection conv = DarknetCfg.parse(SAMPLE, "sample.cfg").layers().get(0);

        assertThat(conv.intValue("filters")).isEqualTo(16);
        assertThat(conv.values("filters")).containsExactly("16", "32");
        assertThat(conv.string("activation")).isEqualTo("leaky");
        assertThat(conv.flag("batch_normalize", false)).isTrue();
        assertThat(conv.flag("pad", false)).isFalse();
        assertThat(conv.intValue("stride", 1)).isEqualTo(1);
        assertThat(conv.find("groups")).isEmpty();
        assertThat(DarknetCfg.parse(SAMPLE, "sample.cfg").layers().get(2).intList("layers")).containsExactly(-1, 0);
    }

    @Test
    void typedGettersNameFileLineAndOption() {
        CfgSection conv = DarknetCfg.parse(SAMPLE.replace("size=3", "size=three"), "sample.cfg").layers().get(0);

        assertThatThrownBy(() -> conv.intValue("groups")).isInstanceOf(ModelFormatException.class)
                .hasMessage("sample.cfg line 9: [convolutional] lacks the required option 'groups'");
        assertThatThrownBy(() -> conv.intValue("size", 1)).isInstanceOf(ModelFormatException.class)
                .hasMessage("sample.cfg line 9: [convolutional] option size=three is not a whole number");
        assertThatThrownBy(() -> conv.floatValue("activation", 0f)).isInstanceOf(ModelFormatException.class)
                .hasMessage("sample.cfg line 9: [convolutional] option activation=leaky is not a number");
    }

    @Test
    void acceptsWindowsLineEndings() {
        DarknetCfg cfg = DarknetCfg.parse("[net]\r\nwidth=8\r\n[convolutional]\r\nfilters=4\r\n", "crlf.cfg");

        assertThat(cfg.net().intValue("width")).isEqualTo(8);
        assertThat(cfg.layers().get(0).line()).isEqualTo(3);
    }

    @Test
    void rejectsMalformedText() {
        assertThatThrownBy(() -> DarknetCfg.parse("width=1\n[net]\n", "a.cfg"))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("a.cfg line 1: option 'width=1' comes before the first [section]");
        assertThatThrownBy(() -> DarknetCfg.parse("[net\n", "b.cfg"))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("b.cfg line 1: section header '[net' must look like [name]");
        assertThatThrownBy(() -> DarknetCfg.parse("[net]\n\nwidth\n", "c.cfg"))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("c.cfg line 3: 'width' is neither a [section] header nor a key=value option");
        assertThatThrownBy(() -> DarknetCfg.parse("# nothing\n", "d.cfg"))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("d.cfg holds no sections; a Darknet cfg starts with [net]");
        assertThatThrownBy(() -> DarknetCfg.parse("\n[convolutional]\nfilters=1\n", "e.cfg"))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("e.cfg line 2: [convolutional] comes first, but a Darknet cfg must start with [net]");
    }

    @Test
    void readsTheRealYolov3TinyCfg() throws IOException {
        DarknetCfg cfg = DarknetCfg.read(SharedAssets.resolve("yolov3-tiny.cfg"));

        assertThat(cfg.source()).isEqualTo("yolov3-tiny.cfg");
        assertThat(cfg.layers()).hasSize(24);
        assertThat(cfg.layers()).filteredOn(section -> section.type().equals("convolutional")).hasSize(13);
        assertThat(cfg.net().intValue("width")).isEqualTo(416);
        assertThat(cfg.net().string("steps")).isEqualTo("400000,450000");
        CfgSection yolo = cfg.layers().get(16);
        assertThat(yolo.type()).isEqualTo("yolo");
        assertThat(yolo.intList("mask")).containsExactly(3, 4, 5);
        assertThat(yolo.intList("anchors")).containsExactly(10, 14, 23, 27, 37, 58, 81, 82, 135, 169, 344, 319);
        assertThat(yolo.floatValue("ignore_thresh", 0f)).isEqualTo(0.7f);
        assertThat(cfg.layers().get(20).intList("layers")).containsExactly(-1, 8);
    }
}
