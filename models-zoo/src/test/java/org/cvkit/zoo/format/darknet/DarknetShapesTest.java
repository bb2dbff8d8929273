package org.cvkit.zoo.format.darknet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.cvkit.zoo.SharedAssets;
import org.cvkit.zoo.format.ModelFormatException;
import org.junit.jupiter.api.Test;

class DarknetShapesTest {

    private static final String NET = "[net]\nwidth=8\nheight=8\nchannels=3\n";

    @Test
    void propagatesYolov3TinyShapesAsDarknetDoes() throws IOException {
        List<LayerShape> shapes = DarknetShapes.infer(DarknetCfg.read(SharedAssets.resolve("yolov3-tiny.cfg")));

        // Worked out by hand: 3x3 convs keep the size (pad=1), 2x2/2 max-pools halve it ((416 + 1 - 2)/2 + 1),
        // the 2x2/1 max-pool keeps 13 ((13 + 1 - 2)/1 + 1), route -4 copies layer 13, route -1,8 joins 128 + 256.
        assertThat(shapes).extracting(shape -> shape.output().toString()).containsExactly(
                "416x416x16", "208x208x16", "208x208x32", "104x104x32", "104x104x64", "52x52x64", "52x52x128",
                "26x26x128", "26x26x256", "13x13x256", "13x13x512", "13x13x512", "13x13x1024", "13x13x256",
                "13x13x512", "13x13x255", "13x13x255", "13x13x256", "13x13x128", "26x26x128", "26x26x384",
                "26x26x256", "26x26x255", "26x26x255");
        assertThat(shapes.get(0).input().toString()).isEqualTo("416x416x3");
        assertThat(shapes.get(21).input().toString()).isEqualTo("26x26x384");
        assertThat(shapes.get(17).type()).isEqualTo("route");
    }

    @Test
    void yoloFastestHeadsSitAtStrides32And16() throws IOException {
        for (String[] model : new String[][] {{"yolo-fastest-1.1.cfg", "255"}, {"yolo-fastest-1.1-xl.cfg", "255"},
                {"yolo-fastest-1.1_body.cfg", "18"}}) {
            List<LayerShape> shapes = DarknetShapes.infer(DarknetCfg.read(SharedAssets.resolve(model[0])));

            assertThat(shapes).as(model[0]).hasSize(131);
            assertThat(shapes).filteredOn(shape -> shape.type().equals("yolo"))
                    .extracting(shape -> shape.output().toString())
                    .as(model[0]).containsExactly("10x10x" + model[1], "20x20x" + model[1]);
        }
    }

    @Test
    void coversTheOtherLayerOptions() {
        String cfg = NET + """
                [convolutional]
                filters=4
                size=3
                dilation=2
                [maxpool]
                size=3
                stride_x=1
                stride_y=2
                [upsample]
                stride=-2
                [convolutional]
                filters=6
                groups=2
                padding=1
                size=3
                [route]
                layers=-1,2
                groups=2
                [shortcut]
                from=-2
                [dropout]
                [avgpool]
                """;

        assertThat(DarknetShapes.infer(DarknetCfg.parse(cfg, "x.cfg")))
                .extracting(shape -> shape.output().toString())
                // dilated 3x3 spans 5: 8-5+1 = 4; pool pads size-1=2: (4+2-3)/1+1 = 4 wide, (4+2-3)/2+1 = 2 high;
                // upsample -2 halves: 2x1; grouped conv with padding 1 keeps 2x1; route joins 6+4 over 2 groups.
                .containsExactly("4x4x4", "4x2x4", "2x1x4", "2x1x6", "2x1x5", "2x1x5", "2x1x5", "1x1x5");
    }

    @Test
    void rejectsReferencesToLaterLayers() {
        assertThatThrownBy(() -> infer(NET + "[route]\nlayers=1\n[dropout]\n"))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("x.cfg line 5: [route] (layer 0) option layers refers to layer 1, which does not come"
                        + " before it");
        assertThatThrownBy(() -> infer(NET + "[convolutional]\n[shortcut]\nfrom=-3\n"))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("x.cfg line 6: [shortcut] (layer 1) option from refers to layer -2, which does not come"
                        + " before it");
    }

    @Test
    void rejectsRoutesJoiningDifferentSizes() {
        assertThatThrownBy(() -> infer(NET + "[convolutional]\n[maxpool]\nsize=2\nstride=2\n[route]\nlayers=-1,-2\n"))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("x.cfg line 9: [route] joins layers of different sizes 4x4 and 8x8");
    }

    @Test
    void rejectsUnsupportedSectionsAndImpossibleSettings() {
        assertThatThrownBy(() -> infer(NET + "[lstm]\n"))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("x.cfg line 5: [lstm] is not supported; supported sections are [avgpool, convolutional,"
                        + " dropout, maxpool, region, route, shortcut, upsample, yolo]");
        assertThatThrownBy(() -> infer(NET + "[convolutional]\nfilters=4\ngroups=2\n"))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("x.cfg line 5: [convolutional] groups=2 must divide both its 3 input channels and its 4"
                        + " filters");
        assertThatThrownBy(() -> infer(NET + "[convolutional]\nfilters=4\nsize=11\n"))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("x.cfg line 5: [convolutional] would output -2x-2x4: its window or stride does not fit"
                        + " its input");
        assertThatThrownBy(() -> infer(NET + "[convolutional]\nstride=0\n"))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("x.cfg line 5: [convolutional] option stride must be positive but is 0");
        assertThatThrownBy(() -> infer(NET + "[upsample]\nstride=0\n"))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("stride must not be 0");
        assertThatThrownBy(() -> infer("[net]\nheight=8\nchannels=3\n"))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("x.cfg line 1: [net] lacks the required option 'width'");
    }

    private static List<LayerShape> infer(String cfg) {
        return DarknetShapes.infer(DarknetCfg.parse(cfg, "x.cfg"));
    }
}
