package org.cvkit.detection.darknet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.cvkit.zoo.format.darknet.CfgSection;
import org.cvkit.zoo.format.darknet.DarknetCfg;
import org.cvkit.zoo.format.darknet.DarknetShapes;
import org.cvkit.zoo.format.darknet.LayerShape;

/**
 * Writes a Darknet {@code .weights} file (version 0.2 header) of seeded random values for a cfg, in Darknet's
 * layout: per convolution the biases, then scales, rolling means and rolling variances when batch-normalized, then
 * the kernels. Kernels are uniform in {@code ±sqrt(3 / fanIn)} so activations keep their scale through the
 * layers; variances lie in [0.5, 1.5] so they stay positive.
 */
final class RandomDarknetWeights {

    private RandomDarknetWeights() {
    }

    static Path write(DarknetCfg cfg, Path file, long seed) throws IOException {
        Random random = new Random(seed);
        ByteBuffer out = ByteBuffer.allocate(64 << 20).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0).putInt(2).putInt(0).putLong(0);
        for (LayerShape shape : DarknetShapes.infer(cfg)) {
            if (!shape.type().equals("convolutional")) {
                continue;
            }
            CfgSection layer = cfg.layers().get(shape.index());
            int filters = shape.output().depth();
            int size = layer.intValue("size", 1);
            int fanIn = shape.input().depth() / layer.intValue("groups", 1) * size * size;
            put(out, random, filters, -0.1, 0.1);
            if (layer.flag("batch_normalize", false)) {
                put(out, random, filters, 0.5, 1.5);
                put(out, random, filters, -0.1, 0.1);
                put(out, random, filters, 0.5, 1.5);
            }
            double limit = Math.sqrt(3.0 / fanIn);
            put(out, random, filters * fanIn, -limit, limit);
        }
        out.flip();
        byte[] bytes = new byte[out.remaining()];
        out.get(bytes);
        return Files.write(file, bytes);
    }

    private static void put(ByteBuffer out, Random random, int count, double low, double high) {
        for (int i = 0; i < count; i++) {
            out.putFloat((float) (low + (high - low) * random.nextDouble()));
        }
    }
}
