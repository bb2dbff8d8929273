package org.cvkit.zoo.format.darknet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cvkit.zoo.format.ModelFormatException;
import org.cvkit.zoo.format.WeightTensor;

/**
 * Reads a Darknet {@code .weights} file with the help of its cfg.
 *
 * <p>Layout (little-endian): the {@link DarknetHeader} (major, minor, revision as int32, images seen as int64 from
 * version 0.2 on, int32 before), then for each {@code [convolutional]} layer in cfg order: {@code filters}
 * biases; if {@code batch_normalize=1}, {@code filters} scales, rolling means and rolling variances; then
 * {@code filters * (channels / groups) * size * size} weights. The file must end exactly after the last layer:
 * truncated and over-long files are errors naming the layer, since either means the weights do not belong to the
 * cfg.
 */
public final class DarknetWeightsReader {

    private DarknetWeightsReader() {
    }

    /**
     * @param weights a Darknet {@code .weights} file
     * @param cfg     the cfg the weights were trained with
     * @return the header and every convolution's weights
     * @throws IOException          if the file cannot be read
     * @throws ModelFormatException if the file does not match the cfg, or the cfg is unsupported
     */
    public static DarknetWeights read(Path weights, DarknetCfg cfg) throws IOException {
        long size = Files.size(weights);
        if (size > Integer.MAX_VALUE) {
            throw new ModelFormatException(weights.getFileName() + " is " + size
                    + " bytes; weights files over 2 GiB are not supported");
        }
        return read(ByteBuffer.wrap(Files.readAllBytes(weights)), weights.getFileName().toString(), cfg);
    }

    /**
     * @param data   the bytes of a {@code .weights} file, from its first byte to its end (position to limit)
     * @param source name used in messages
     * @param cfg    the cfg the weights were trained with
     * @return the header and every convolution's weights
     * @throws ModelFormatException if the bytes do not match the cfg, or the cfg is unsupported
     */
    public static DarknetWeights read(ByteBuffer data, String source, DarknetCfg cfg) {
        ByteBuffer in = data.slice().order(ByteOrder.LITTLE_ENDIAN);
        DarknetHeader header = header(in, source);
        List<LayerShape> shapes = DarknetShapes.infer(cfg);
        long expectedBytes = header.byteSize() + 4 * floatsNeeded(cfg, shapes);
        List<ConvolutionWeights> convolutions = new ArrayList<>();
        String lastLayer = "the header";
        for (LayerShape shape : shapes) {
            if (!shape.type().equals("convolutional")) {
                continue;
            }
            CfgSection layer = cfg.layers().get(shape.index());
            lastLayer = describe(shape, layer);
            Cursor cursor = new Cursor(in, source, shape.index(), lastLayer, expectedBytes);
            convolutions.add(convolution(cursor, shape, layer));
        }
        if (in.hasRemaining()) {
            throw new ModelFormatException(String.format(Locale.ROOT, "%s is over-long: %,d bytes remain after %s,"
                    + " the last layer with weights; %s needs exactly %,d bytes, so these weights do not belong to"
                    + " that cfg", source, in.remaining(), lastLayer, cfg.source(), expectedBytes));
        }
        return new DarknetWeights(header, convolutions);
    }

    private static DarknetHeader header(ByteBuffer in, String source) {
        if (in.remaining() < 12) {
            throw new ModelFormatException(source + " is truncated: " + in.remaining()
                    + " bytes cannot hold the Darknet header (major, minor, revision, images seen)");
        }
        int major = in.getInt();
        int minor = in.getInt();
        int revision = in.getInt();
        boolean wide = DarknetHeader.hasWideSeenCount(major, minor);
        if (in.remaining() < (wide ? 8 : 4)) {
            throw new ModelFormatException(source + " is truncated inside the header's images-seen count");
        }
        return new DarknetHeader(major, minor, revision, wide ? in.getLong() : Integer.toUnsignedLong(in.getInt()));
    }

    private static long floatsNeeded(DarknetCfg cfg, List<LayerShape> shapes) {
        long floats = 0;
        for (LayerShape shape : shapes) {
            if (shape.type().equals("convolutional")) {
                CfgSection layer = cfg.layers().get(shape.index());
                int filters = shape.output().depth();
                floats += (long) filters * (layer.flag("batch_normalize", false) ? 4 : 1)
                        + kernelSize(shape, layer);
            }
        }
        return floats;
    }

    private static ConvolutionWeights convolution(Cursor cursor, LayerShape shape, CfgSection layer) {
        int filters = shape.output().depth();
        int groups = layer.intValue("groups", 1);
        int size = layer.intValue("size", 1);
        WeightTensor biases = cursor.tensor("biases", filters);
        Optional<BatchNormWeights> batchNorm = layer.flag("batch_normalize", false)
                ? Optional.of(new BatchNormWeights(cursor.tensor("scales", filters),
                        cursor.tensor("rolling_mean", filters), cursor.tensor("rolling_variance", filters)))
                : Optional.empty();
        WeightTensor weights = cursor.tensor("weights", kernelSize(shape, layer),
                filters, shape.input().depth() / groups, size, size);
        return new ConvolutionWeights(shape.index(), shape.input().depth(), groups, biases, batchNorm, weights);
    }

    private static long kernelSize(LayerShape shape, CfgSection layer) {
        int size = layer.intValue("size", 1);
        return (long) shape.output().depth() * (shape.input().depth() / layer.intValue("groups", 1)) * size * size;
    }

    private static String describe(LayerShape shape, CfgSection layer) {
        return "layer " + shape.index() + " [" + shape.type() + "] (cfg line " + layer.line() + ")";
    }

    /**
     * Reads one layer's consecutive float arrays, named {@code layer<index>.<part>}, failing with the layer's
     * description when the bytes run out.
     */
    private record Cursor(ByteBuffer in, String source, int layerIndex, String layer, long expectedBytes) {

        WeightTensor tensor(String part, long count, long... shape) {
            long needed = 4 * count;
            if (in.remaining() < needed) {
                throw new ModelFormatException(String.format(Locale.ROOT, "%s is truncated in %s: %s needs %,d"
                        + " floats at byte %,d but only %,d bytes remain; the cfg needs a %,d-byte file", source,
                        layer, part, count, in.position(), in.remaining(), expectedBytes));
            }
            float[] values = new float[(int) count];
            in.asFloatBuffer().get(values);
            in.position(in.position() + (int) needed);
            return WeightTensor.of("layer" + layerIndex + "." + part, shape.length == 0 ? new long[] {count} : shape,
                    values);
        }
    }
}
