package org.cvkit.zoo.format.darknet;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.cvkit.core.arithmetic.VolumeShape;

/**
 * Darknet's shape propagation: the output width, height and channels of every layer of a cfg, computed as
 * Darknet computes them (sizes round down).
 *
 * <p>Supported sections: {@code [convolutional]} (with {@code groups}, {@code pad}/{@code padding},
 * {@code stride_x}/{@code stride_y}, {@code dilation}), {@code [maxpool]}, {@code [avgpool]}, {@code [upsample]},
 * {@code [route]} (with {@code groups}), {@code [shortcut]}, {@code [dropout]}, {@code [yolo]} and
 * {@code [region]}. Any other section is rejected, so a cfg is never half understood.
 */
public final class DarknetShapes {

    /** The section types this class (and so the weights reader) understands. */
    public static final Set<String> SUPPORTED = Set.of("convolutional", "maxpool", "avgpool", "upsample", "route",
            "shortcut", "dropout", "yolo", "region");

    private DarknetShapes() {
    }

    /**
     * @param cfg a parsed cfg whose {@code [net]} gives {@code width}, {@code height} and {@code channels}
     * @return one shape per layer, in layer order
     * @throws org.cvkit.zoo.format.ModelFormatException if a section is unsupported, refers to a layer that does not
     *         come before it, joins mismatched sizes, or yields an empty output
     */
    public static List<LayerShape> infer(DarknetCfg cfg) {
        CfgSection net = cfg.net();
        VolumeShape current = shape(net, net.intValue("width"), net.intValue("height"), net.intValue("channels"));
        List<LayerShape> shapes = new ArrayList<>();
        List<CfgSection> layers = cfg.layers();
        for (int index = 0; index < layers.size(); index++) {
            CfgSection layer = layers.get(index);
            VolumeShape output = switch (layer.type()) {
                case "convolutional" -> convolution(layer, current);
                case "maxpool" -> maxPool(layer, current);
                case "avgpool" -> shape(layer, 1, 1, current.depth());
                case "upsample" -> upsample(layer, current);
                case "route" -> route(layer, index, shapes);
                case "shortcut" -> shortcut(layer, index, current);
                case "dropout", "yolo", "region" -> current;
                default -> throw layer.error("is not supported; supported sections are " + new TreeSet<>(SUPPORTED));
            };
            shapes.add(new LayerShape(index, layer.type(), current, output));
            current = output;
        }
        return shapes;
    }

    private static VolumeShape convolution(CfgSection layer, VolumeShape in) {
        int filters = layer.intValue("filters", 1);
        int size = layer.intValue("size", 1);
        int stride = layer.intValue("stride", 1);
        int strideX = layer.intValue("stride_x", stride);
        int strideY = layer.intValue("stride_y", stride);
        int dilation = layer.intValue("dilation", 1);
        int groups = layer.intValue("groups", 1);
        int padding = layer.flag("pad", false) ? size / 2 : layer.intValue("padding", 0);
        requirePositive(layer, "filters", filters);
        requirePositive(layer, "size", size);
        requirePositive(layer, "stride", Math.min(strideX, strideY));
        requirePositive(layer, "dilation", dilation);
        requirePositive(layer, "groups", groups);
        if (in.depth() % groups != 0 || filters % groups != 0) {
            throw layer.error("groups=" + groups + " must divide both its " + in.depth() + " input channels and its "
                    + filters + " filters");
        }
        int span = (size - 1) * dilation + 1;
        return shape(layer, (in.width() + 2 * padding - span) / strideX + 1,
                (in.height() + 2 * padding - span) / strideY + 1, filters);
    }

    private static VolumeShape maxPool(CfgSection layer, VolumeShape in) {
        int stride = layer.intValue("stride", 1);
        int strideX = layer.intValue("stride_x", stride);
        int strideY = layer.intValue("stride_y", stride);
        int size = layer.intValue("size", stride);
        int padding = layer.intValue("padding", size - 1);
        requirePositive(layer, "size", size);
        requirePositive(layer, "stride", Math.min(strideX, strideY));
        return shape(layer, (in.width() + padding - size) / strideX + 1, (in.height() + padding - size) / strideY + 1,
                in.depth());
    }

    private static VolumeShape upsample(CfgSection layer, VolumeShape in) {
        int stride = layer.intValue("stride", 2);
        if (stride == 0) {
            throw layer.error("stride must not be 0 (positive scales up, negative scales down)");
        }
        return stride > 0 ? shape(layer, in.width() * stride, in.height() * stride, in.depth())
                : shape(layer, in.width() / -stride, in.height() / -stride, in.depth());
    }

    private static VolumeShape route(CfgSection layer, int index, List<LayerShape> before) {
        int groups = layer.intValue("groups", 1);
        requirePositive(layer, "groups", groups);
        VolumeShape first = null;
        int channels = 0;
        for (int reference : layer.intList("layers")) {
            VolumeShape joined = before.get(earlierLayer(layer, index, reference, "layers")).output();
            if (first == null) {
                first = joined;
            } else if (joined.width() != first.width() || joined.height() != first.height()) {
                throw layer.error("joins layers of different sizes " + first.width() + "x" + first.height() + " and "
                        + joined.width() + "x" + joined.height());
            }
            channels += joined.depth();
        }
        if (channels % groups != 0) {
            throw layer.error("groups=" + groups + " must divide the " + channels + " joined channels");
        }
        return shape(layer, first.width(), first.height(), channels / groups);
    }

    private static VolumeShape shortcut(CfgSection layer, int index, VolumeShape in) {
        for (int reference : layer.intList("from")) {
            earlierLayer(layer, index, reference, "from");
        }
        return in;
    }

    private static int earlierLayer(CfgSection layer, int index, int reference, String option) {
        int absolute = reference < 0 ? index + reference : reference;
        if (absolute < 0 || absolute >= index) {
            throw layer.error("(layer " + index + ") option " + option + " refers to layer " + absolute
                    + ", which does not come before it");
        }
        return absolute;
    }

    private static void requirePositive(CfgSection layer, String option, int value) {
        if (value <= 0) {
            throw layer.error("option " + option + " must be positive but is " + value);
        }
    }

    private static VolumeShape shape(CfgSection section, int width, int height, int channels) {
        if (width <= 0 || height <= 0 || channels <= 0) {
            throw section.error("would output " + width + "x" + height + "x" + channels
                    + ": its window or stride does not fit its input");
        }
        return new VolumeShape(width, height, channels);
    }
}
