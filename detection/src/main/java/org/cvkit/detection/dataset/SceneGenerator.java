package org.cvkit.detection.dataset;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.cvkit.core.data.LabeledImageSet;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.image.Normalization;
import org.cvkit.detection.geometry.GroundTruth;
import org.cvkit.detection.geometry.Iou;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Synthetic detection scenes: Fashion-MNIST items (or any grey item images) pasted on {@link Texture textured}
 * backgrounds, several per scene, at random positions and sizes and sometimes mirrored.
 *
 * <p>A scene's background blends two dark colours (levels 0 to 119 per channel); each item is drawn in a bright
 * colour (levels 150 to 255) with its grey level as opacity, so it keeps its inner texture and soft edges. Its box
 * is the tight box of the pixels it covers with an opacity of at least {@value #BOX_OPACITY}, in whole pixels.
 * Items are placed in turn, each redrawn up to {@value #PLACEMENT_ATTEMPTS} times until its box overlaps every
 * earlier box by at most {@link SceneSettings#maxIou()}. Finally Gaussian noise of {@value #SENSOR_NOISE} levels is
 * added. Scene {@code i} depends only on the seed and {@code i}, so scenes can be generated in any order.
 */
public final class SceneGenerator {

    /** The opacity from which an item's pixel counts towards its box. */
    public static final double BOX_OPACITY = 0.2;
    /** How often an item is redrawn before it is left out of a crowded scene. */
    public static final int PLACEMENT_ATTEMPTS = 20;
    /** The standard deviation, in levels, of the noise over the whole scene. */
    public static final double SENSOR_NOISE = 4;

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final int DARKEST_ITEM = 150;
    private static final int BRIGHTEST_BACKGROUND = 120;

    private final LabeledImageSet items;
    private final List<String> classNames;
    private final int[][] itemsByClass;
    private final SceneSettings settings;
    private final long seed;

    /**
     * @param items    the item images with their labels, for example a Fashion-MNIST split
     * @param classes  the labels of {@code items} to use, in the order of the scenes' class indices, distinct
     * @param settings how scenes are composed
     * @param seed     the seed of every random choice
     * @throws IllegalArgumentException if no class is given, a class repeats, or a class has no item
     */
    public SceneGenerator(LabeledImageSet items, List<Integer> classes, SceneSettings settings, long seed) {
        this.items = Objects.requireNonNull(items, "items").normalized(Normalization.UNIT);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.seed = seed;
        if (classes.isEmpty() || classes.stream().distinct().count() != classes.size()) {
            throw new IllegalArgumentException("give at least one class, each once, but got " + classes);
        }
        this.itemsByClass = new int[classes.size()][];
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            int label = classes.get(c);
            if (label < 0 || label >= items.classNames().size()) {
                throw new IllegalArgumentException("class " + label + " is not one of the items' "
                        + items.classNames().size() + " classes " + items.classNames());
            }
            itemsByClass[c] = IntStream.range(0, items.size()).filter(i -> items.label(i) == label).toArray();
            if (itemsByClass[c].length == 0) {
                throw new IllegalArgumentException("there is no item of class " + label + " ("
                        + items.classNames().get(label) + ")");
            }
            names.add(items.classNames().get(label));
        }
        this.classNames = List.copyOf(names);
    }

    /** @return the scenes' class names, by class index */
    public List<String> classNames() {
        return classNames;
    }

    /**
     * @param count  the number of scenes
     * @param prefix the start of every scene's name, followed by its six-digit number
     * @return scenes {@code 0 .. count - 1}
     */
    public DetectionDataset dataset(int count, String prefix) {
        if (count < 0) {
            throw new IllegalArgumentException("the number of scenes must not be negative but is " + count);
        }
        List<DetectionSample> scenes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            scenes.add(scene(i, String.format(Locale.ROOT, "%s%06d", prefix, i)));
        }
        return new DetectionDataset(classNames, scenes);
    }

    /**
     * @param index the scene's number, which fixes its random choices
     * @param name  the scene's name
     * @return the scene: an 8-bit BGR image ({@code TYPE_3BYTE_BGR}) and its objects' boxes in pixels
     */
    public DetectionSample scene(long index, String name) {
        SplittableRandom random = new SplittableRandom(new SplittableRandom(seed + index * GOLDEN_GAMMA).nextLong());
        int size = settings.imageSize();
        double[] pixels = new double[3 * size * size];
        Texture texture = Texture.values()[random.nextInt(Texture.values().length)];
        texture.paint(pixels, size, size, colour(random, 0, BRIGHTEST_BACKGROUND),
                colour(random, 0, BRIGHTEST_BACKGROUND), random);
        int count = settings.minObjects() + random.nextInt(settings.maxObjects() - settings.minObjects() + 1);
        List<GroundTruth> objects = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            place(pixels, random, objects);
        }
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] += SENSOR_NOISE * random.nextGaussian();
        }
        return new DetectionSample(name, toImage(pixels, size), objects);
    }

    /** Draws one item where its box overlaps little with the earlier ones, or nowhere after too many tries. */
    private void place(double[] pixels, SplittableRandom random, List<GroundTruth> objects) {
        int classIndex = random.nextInt(itemsByClass.length);
        int[] pool = itemsByClass[classIndex];
        double[] item = itemPixels(pool[random.nextInt(pool.length)]);
        double[] tint = colour(random, DARKEST_ITEM, 256);
        for (int attempt = 0; attempt < PLACEMENT_ATTEMPTS; attempt++) {
            int side = random.nextInt(settings.minObjectSize(), settings.maxObjectSize() + 1);
            boolean flip = random.nextDouble() < settings.flipProbability();
            int left = random.nextInt(settings.imageSize() - side + 1);
            int top = random.nextInt(settings.imageSize() - side + 1);
            double[] opacity = scaled(item, side, flip);
            Box box = tightBox(opacity, side, left, top);
            if (box != null && objects.stream().allMatch(o -> Iou.of(o.box(), box) <= settings.maxIou())) {
                composite(pixels, opacity, side, left, top, tint);
                objects.add(new GroundTruth(box, classIndex));
                return;
            }
        }
    }

    private double[] itemPixels(int index) {
        try (INDArray image = items.image(index)) {
            return image.data().asDouble();
        }
    }

    /** Resamples the item bilinearly to {@code side x side} opacities, mirrored if asked. */
    private double[] scaled(double[] item, int side, boolean flip) {
        int itemWidth = items.width();
        int itemHeight = items.height();
        double[] opacity = new double[side * side];
        for (int v = 0; v < side; v++) {
            double sy = clamp((v + 0.5) * itemHeight / side - 0.5, itemHeight - 1);
            int y0 = (int) sy;
            int y1 = Math.min(y0 + 1, itemHeight - 1);
            double fy = sy - y0;
            for (int u = 0; u < side; u++) {
                double sx = clamp((u + 0.5) * itemWidth / side - 0.5, itemWidth - 1);
                if (flip) {
                    sx = itemWidth - 1 - sx;
                }
                int x0 = (int) sx;
                int x1 = Math.min(x0 + 1, itemWidth - 1);
                double fx = sx - x0;
                double top = item[y0 * itemWidth + x0] * (1 - fx) + item[y0 * itemWidth + x1] * fx;
                double bottom = item[y1 * itemWidth + x0] * (1 - fx) + item[y1 * itemWidth + x1] * fx;
                opacity[v * side + u] = top * (1 - fy) + bottom * fy;
            }
        }
        return opacity;
    }

    private static double clamp(double value, double max) {
        return Math.max(0, Math.min(max, value));
    }

    /** @return the tight box of the opaque pixels in scene pixels, or null if no pixel is opaque enough */
    private static Box tightBox(double[] opacity, int side, int left, int top) {
        int minU = side;
        int minV = side;
        int maxU = -1;
        int maxV = -1;
        for (int v = 0; v < side; v++) {
            for (int u = 0; u < side; u++) {
                if (opacity[v * side + u] >= BOX_OPACITY) {
                    minU = Math.min(minU, u);
                    maxU = Math.max(maxU, u);
                    minV = Math.min(minV, v);
                    maxV = Math.max(maxV, v);
                }
            }
        }
        return maxU < 0 ? null : Box.fromCorners(left + minU, top + minV, left + maxU + 1, top + maxV + 1);
    }

    private void composite(double[] pixels, double[] opacity, int side, int left, int top, double[] tint) {
        int size = settings.imageSize();
        for (int v = 0; v < side; v++) {
            for (int u = 0; u < side; u++) {
                double alpha = opacity[v * side + u];
                int offset = 3 * ((top + v) * size + left + u);
                for (int c = 0; c < 3; c++) {
                    pixels[offset + c] += alpha * (tint[c] - pixels[offset + c]);
                }
            }
        }
    }

    private static double[] colour(SplittableRandom random, int from, int to) {
        return new double[] {random.nextInt(from, to), random.nextInt(from, to), random.nextInt(from, to)};
    }

    private static BufferedImage toImage(double[] pixels, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_3BYTE_BGR);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) Math.max(0, Math.min(255, Math.round(pixels[i])));
        }
        return image;
    }
}
