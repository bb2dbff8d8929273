package org.cvkit.benchmarks;

import static org.bytedeco.opencv.global.opencv_core.CV_16SC3;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2HSV;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_HSV2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;

import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntToDoubleFunction;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.javacv.Frame;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatExpr;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.RNG;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.cvkit.augment.LabeledBox;
import org.cvkit.augment.Range;
import org.cvkit.augment.Sample;
import org.cvkit.augment.Transform;
import org.cvkit.augment.colour.Brightness;
import org.cvkit.augment.colour.Gamma;
import org.cvkit.augment.colour.Grayscale;
import org.cvkit.augment.colour.HueSaturation;
import org.cvkit.augment.degrade.Cutout;
import org.cvkit.augment.degrade.GaussianBlur;
import org.cvkit.augment.degrade.GaussianNoise;
import org.cvkit.augment.degrade.MotionBlur;
import org.cvkit.augment.degrade.SaltAndPepperNoise;
import org.cvkit.augment.geometry.BorderMode;
import org.cvkit.augment.geometry.Flip;
import org.cvkit.augment.geometry.Homography;
import org.cvkit.augment.geometry.RandomAffine;
import org.cvkit.augment.geometry.RandomPerspective;
import org.cvkit.augment.geometry.RandomResizedCrop;
import org.cvkit.augment.geometry.ResizeTo;
import org.cvkit.augment.geometry.Rotation;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.core.geometry.Keypoint;
import org.cvkit.core.image.ImageConversions;
import org.datavec.image.data.ImageWritable;
import org.datavec.image.transform.ColorConversionTransform;
import org.datavec.image.transform.FlipImageTransform;
import org.datavec.image.transform.ImageTransform;
import org.datavec.image.transform.ResizeImageTransform;
import org.datavec.image.transform.RotateImageTransform;
import org.datavec.image.transform.WarpImageTransform;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Each augmentation on a 512x512 BGR image: cvkit's transform (moving 3 boxes and a keypoint as well), the bare
 * OpenCV calls that produce the same pixels, and DataVec's {@code ImageTransform} where it has an equivalent.
 * Methods are named {@code op_cvkit}, {@code op_openCv} and {@code op_dataVec}; every result is a new image, and
 * cvkit and bare results are released at once. The target is cvkit within 1.1x of bare OpenCV for every op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AugmentationBenchmark {

    private static final int SIDE = 512;
    private static final ImageSize SIZE = new ImageSize(SIDE, SIDE);
    private static final ImageSize HALF = new ImageSize(SIDE / 2, SIDE / 2);

    private static final Transform FLIP = Flip.HORIZONTAL;
    private static final Transform ROTATE_90 = new Rotation(Range.fixed(90), true, BorderMode.CONSTANT);
    private static final Transform ROTATE_15 = Rotation.by(15);
    private static final Transform AFFINE = new RandomAffine(Range.fixed(1.1), Range.fixed(0.05), Range.fixed(10),
            BorderMode.CONSTANT);
    private static final Transform PERSPECTIVE = new RandomPerspective(Range.fixed(0.1), BorderMode.CONSTANT);
    private static final Transform RESIZE = new ResizeTo(HALF);
    /** A 384x384 region (0.5625 of the area, square) at a random place, resized to 256x256. */
    private static final Transform CROP = new RandomResizedCrop(HALF, Range.fixed(0.5625), Range.fixed(1));
    private static final Transform BRIGHTNESS = new Brightness(Range.fixed(0.2));
    private static final Transform GAMMA = new Gamma(Range.fixed(1.5));
    private static final Transform HUE = new HueSaturation(Range.fixed(30), Range.fixed(1.2));
    private static final Transform GRAYSCALE = new Grayscale();
    private static final Transform GAUSS_NOISE = new GaussianNoise(Range.fixed(8));
    private static final Transform SALT_PEPPER = new SaltAndPepperNoise(Range.fixed(0.05));
    private static final Transform GAUSS_BLUR = new GaussianBlur(Range.fixed(2));
    private static final Transform MOTION_BLUR = new MotionBlur(Range.fixed(9), Range.fixed(0));
    private static final Transform CUTOUT = new Cutout(Range.fixed(0.25), 1);

    private Mat image;
    private Sample sample;
    private Frame frame;
    private ImageWritable writable;
    private SplittableRandom random;
    private Mat gammaTable;
    private Mat hueTable;
    private Mat motionKernel;
    private ImageTransform dataVecFlip;
    private ImageTransform dataVecRotate90;
    private ImageTransform dataVecRotate15;
    private ImageTransform dataVecResize;
    private ImageTransform dataVecWarp;
    private ImageTransform dataVecGray;

    @Setup(Level.Trial)
    public void setUp() {
        image = BenchmarkImages.randomBgr(SIDE, SIDE, 42);
        sample = new Sample(image, List.of(new LabeledBox(new Box(40, 60, 200, 220), "a"),
                new LabeledBox(new Box(250, 100, 400, 300), "b"), new LabeledBox(new Box(100, 350, 480, 500), "c")),
                List.of(new Keypoint(256, 256, true)), Homography.IDENTITY, 0.25);
        frame = ImageConversions.toFrame(image);
        writable = new ImageWritable(frame);
        random = new SplittableRandom(1);
        gammaTable = table(level -> 255 * Math.pow(level / 255.0, 1.5));
        hueTable = hueTable();
        motionKernel = new Mat(9, 9, CV_32F, Scalar.all(0));
        try (Mat middleRow = motionKernel.row(4); Scalar ninth = Scalar.all(1.0 / 9)) {
            middleRow.put(ninth);
        }
        dataVecFlip = new FlipImageTransform(1);
        dataVecRotate90 = new RotateImageTransform(90);
        dataVecRotate15 = new RotateImageTransform(15);
        dataVecResize = new ResizeImageTransform(SIDE / 2, SIDE / 2);
        dataVecWarp = new WarpImageTransform(SIDE * 0.1f);
        dataVecGray = new ColorConversionTransform(COLOR_BGR2GRAY);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        frame.close();
        gammaTable.close();
        hueTable.close();
        motionKernel.close();
        sample.close();
    }

    // ---- horizontal flip

    @Benchmark
    public void flip_cvkit(Blackhole hole) {
        cvkit(FLIP, hole);
    }

    @Benchmark
    public void flip_openCv(Blackhole hole) {
        Mat out = new Mat();
        opencv_core.flip(image, out, 1);
        consume(out, hole);
    }

    @Benchmark
    public ImageWritable flip_dataVec() {
        return dataVecFlip.transform(writable, null);
    }

    // ---- rotation by a quarter turn

    @Benchmark
    public void rotate90_cvkit(Blackhole hole) {
        cvkit(ROTATE_90, hole);
    }

    @Benchmark
    public void rotate90_openCv(Blackhole hole) {
        Mat out = new Mat();
        opencv_core.rotate(image, out, opencv_core.ROTATE_90_COUNTERCLOCKWISE);
        consume(out, hole);
    }

    @Benchmark
    public ImageWritable rotate90_dataVec() {
        return dataVecRotate90.transform(writable, null);
    }

    // ---- rotation by 15 degrees

    @Benchmark
    public void rotate15_cvkit(Blackhole hole) {
        cvkit(ROTATE_15, hole);
    }

    @Benchmark
    public void rotate15_openCv(Blackhole hole) {
        Mat out = new Mat();
        try (Point2f centre = new Point2f(SIDE / 2f, SIDE / 2f);
             Mat matrix = opencv_imgproc.getRotationMatrix2D(centre, 15, 1); Size size = new Size(SIDE, SIDE);
             Scalar black = Scalar.all(0)) {
            opencv_imgproc.warpAffine(image, out, matrix, size, INTER_LINEAR, opencv_core.BORDER_CONSTANT, black);
        }
        consume(out, hole);
    }

    @Benchmark
    public ImageWritable rotate15_dataVec() {
        return dataVecRotate15.transform(writable, null);
    }

    // ---- affine: scale, shift and shear (no DataVec equivalent)

    @Benchmark
    public void affine_cvkit(Blackhole hole) {
        cvkit(AFFINE, hole);
    }

    @Benchmark
    public void affine_openCv(Blackhole hole) {
        Mat out = new Mat();
        double shear = Math.tan(Math.toRadians(10));
        double centre = SIDE / 2.0;
        double shift = centre - 1.1 * centre - 1.1 * shear * centre + 0.05 * SIDE;
        try (Mat matrix = new Mat(2, 3, opencv_core.CV_64F); DoubleIndexer entries = matrix.createIndexer();
             Size size = new Size(SIDE, SIDE); Scalar black = Scalar.all(0)) {
            entries.put(0, 0, 1.1, 1.1 * shear, shift);
            entries.put(1, 0, 1.1 * shear, 1.1, shift);
            opencv_imgproc.warpAffine(image, out, matrix, size, INTER_LINEAR, opencv_core.BORDER_CONSTANT, black);
        }
        consume(out, hole);
    }

    // ---- perspective

    @Benchmark
    public void perspective_cvkit(Blackhole hole) {
        cvkit(PERSPECTIVE, hole);
    }

    /** Moves each corner by up to a tenth of the side at random, as cvkit's transform does. */
    @Benchmark
    public void perspective_openCv(Blackhole hole) {
        Mat out = new Mat();
        float[] corners = {0, 0, SIDE, 0, SIDE, SIDE, 0, SIDE};
        float[] moved = new float[corners.length];
        for (int i = 0; i < corners.length; i++) {
            moved[i] = corners[i] + (float) ((2 * random.nextDouble() - 1) * 0.1 * SIDE);
        }
        try (Mat from = points(corners); Mat to = points(moved); Size size = new Size(SIDE, SIDE);
             Scalar black = Scalar.all(0); Mat matrix = opencv_imgproc.getPerspectiveTransform(from, to)) {
            opencv_imgproc.warpPerspective(image, out, matrix, size, INTER_LINEAR, opencv_core.BORDER_CONSTANT, black);
        }
        consume(out, hole);
    }

    @Benchmark
    public ImageWritable perspective_dataVec() {
        return dataVecWarp.transform(writable, null);
    }

    // ---- resize to 256x256

    @Benchmark
    public void resize_cvkit(Blackhole hole) {
        cvkit(RESIZE, hole);
    }

    @Benchmark
    public void resize_openCv(Blackhole hole) {
        Mat out = new Mat();
        try (Size size = new Size(SIDE / 2, SIDE / 2)) {
            opencv_imgproc.resize(image, out, size, 0, 0, opencv_imgproc.INTER_AREA);
        }
        consume(out, hole);
    }

    @Benchmark
    public ImageWritable resize_dataVec() {
        return dataVecResize.transform(writable, null);
    }

    // ---- crop of 384x384 at a random place, resized to 256x256

    @Benchmark
    public void crop_cvkit(Blackhole hole) {
        cvkit(CROP, hole);
    }

    @Benchmark
    public void crop_openCv(Blackhole hole) {
        Mat out = new Mat();
        try (Rect region = new Rect(random.nextInt(SIDE - 384 + 1), random.nextInt(SIDE - 384 + 1), 384, 384);
             Mat view = new Mat(image, region); Size size = new Size(SIDE / 2, SIDE / 2)) {
            opencv_imgproc.resize(view, out, size, 0, 0, opencv_imgproc.INTER_AREA);
        }
        consume(out, hole);
    }

    // ---- brightness (no DataVec equivalent)

    @Benchmark
    public void brightness_cvkit(Blackhole hole) {
        cvkit(BRIGHTNESS, hole);
    }

    @Benchmark
    public void brightness_openCv(Blackhole hole) {
        Mat out = new Mat();
        image.convertTo(out, -1, 1, 51);
        consume(out, hole);
    }

    // ---- gamma (no DataVec equivalent)

    @Benchmark
    public void gamma_cvkit(Blackhole hole) {
        cvkit(GAMMA, hole);
    }

    @Benchmark
    public void gamma_openCv(Blackhole hole) {
        Mat out = new Mat();
        opencv_core.LUT(image, gammaTable, out);
        consume(out, hole);
    }

    // ---- hue and saturation (no DataVec equivalent)

    @Benchmark
    public void hue_cvkit(Blackhole hole) {
        cvkit(HUE, hole);
    }

    @Benchmark
    public void hue_openCv(Blackhole hole) {
        Mat out = new Mat();
        opencv_imgproc.cvtColor(image, out, COLOR_BGR2HSV);
        opencv_core.LUT(out, hueTable, out);
        opencv_imgproc.cvtColor(out, out, COLOR_HSV2BGR);
        consume(out, hole);
    }

    // ---- grayscale (DataVec's gives one channel, cvkit and the bare calls three)

    @Benchmark
    public void grayscale_cvkit(Blackhole hole) {
        cvkit(GRAYSCALE, hole);
    }

    @Benchmark
    public void grayscale_openCv(Blackhole hole) {
        Mat out = new Mat();
        try (Mat gray = new Mat()) {
            opencv_imgproc.cvtColor(image, gray, COLOR_BGR2GRAY);
            opencv_imgproc.cvtColor(gray, out, COLOR_GRAY2BGR);
        }
        consume(out, hole);
    }

    @Benchmark
    public ImageWritable grayscale_dataVec() {
        return dataVecGray.transform(writable, null);
    }

    // ---- Gaussian noise (no DataVec equivalent)

    @Benchmark
    public void gaussNoise_cvkit(Blackhole hole) {
        cvkit(GAUSS_NOISE, hole);
    }

    @Benchmark
    public void gaussNoise_openCv(Blackhole hole) {
        Mat out = new Mat();
        try (Mat noise = new Mat(SIDE, SIDE, CV_16SC3); RNG generator = new RNG(random.nextInt());
             Mat mean = new Mat(1, 1, opencv_core.CV_64F, Scalar.all(0));
             Mat sigma = new Mat(1, 1, opencv_core.CV_64F, Scalar.all(8)); Mat noMask = opencv_core.noArray()) {
            generator._fill(noise, RNG.NORMAL, mean, sigma);
            opencv_core.add(image, noise, out, noMask, CV_8U);
        }
        consume(out, hole);
    }

    // ---- salt and pepper (no DataVec equivalent)

    @Benchmark
    public void saltPepper_cvkit(Blackhole hole) {
        cvkit(SALT_PEPPER, hole);
    }

    @Benchmark
    public void saltPepper_openCv(Blackhole hole) {
        Mat out = image.clone();
        try (Mat draws = new Mat(SIDE, SIDE, CV_32F); RNG generator = new RNG(random.nextInt());
             Mat low = new Mat(1, 1, opencv_core.CV_64F, Scalar.all(0));
             Mat high = new Mat(1, 1, opencv_core.CV_64F, Scalar.all(1));
             Mat black = new Mat(1, 1, opencv_core.CV_64F, Scalar.all(0));
             Mat white = new Mat(1, 1, opencv_core.CV_64F, Scalar.all(255))) {
            generator._fill(draws, RNG.UNIFORM, low, high);
            try (MatExpr pepperTest = opencv_core.lessThan(draws, 0.025); Mat pepper = pepperTest.asMat();
                 MatExpr saltTest = opencv_core.greaterThanEquals(draws, 0.975); Mat salt = saltTest.asMat()) {
                out.setTo(black, pepper);
                out.setTo(white, salt);
            }
        }
        consume(out, hole);
    }

    // ---- Gaussian blur (no DataVec equivalent)

    @Benchmark
    public void gaussBlur_cvkit(Blackhole hole) {
        cvkit(GAUSS_BLUR, hole);
    }

    @Benchmark
    public void gaussBlur_openCv(Blackhole hole) {
        Mat out = new Mat();
        try (Size fromSigma = new Size(0, 0)) {
            opencv_imgproc.GaussianBlur(image, out, fromSigma, 2);
        }
        consume(out, hole);
    }

    // ---- motion blur (no DataVec equivalent)

    @Benchmark
    public void motionBlur_cvkit(Blackhole hole) {
        cvkit(MOTION_BLUR, hole);
    }

    @Benchmark
    public void motionBlur_openCv(Blackhole hole) {
        Mat out = new Mat();
        opencv_imgproc.filter2D(image, out, -1, motionKernel);
        consume(out, hole);
    }

    // ---- cutout (no DataVec equivalent)

    @Benchmark
    public void cutout_cvkit(Blackhole hole) {
        cvkit(CUTOUT, hole);
    }

    @Benchmark
    public void cutout_openCv(Blackhole hole) {
        Mat out = image.clone();
        try (Rect hole128 = new Rect(100, 100, 128, 128); Mat region = new Mat(out, hole128);
             Scalar black = Scalar.all(0)) {
            region.put(black);
        }
        consume(out, hole);
    }

    private void cvkit(Transform transform, Blackhole hole) {
        try (Sample out = transform.apply(sample, random)) {
            hole.consume(out);
        }
    }

    private static void consume(Mat out, Blackhole hole) {
        hole.consume(out);
        out.close();
    }

    private static Mat table(IntToDoubleFunction curve) {
        byte[] entries = new byte[256];
        for (int level = 0; level < 256; level++) {
            entries[level] = (byte) Math.max(0, Math.min(255, Math.round(curve.applyAsDouble(level))));
        }
        Mat lookup = new Mat(1, 256, CV_8U);
        try (BytePointer data = lookup.data()) {
            data.put(entries);
        }
        return lookup;
    }

    private static Mat hueTable() {
        byte[] entries = new byte[256 * 3];
        for (int level = 0; level < 256; level++) {
            entries[level * 3] = (byte) (level < 180 ? (level + 15) % 180 : level);
            entries[level * 3 + 1] = (byte) Math.min(255, Math.round(level * 1.2));
            entries[level * 3 + 2] = (byte) level;
        }
        Mat lookup = new Mat(1, 256, CV_8UC3);
        try (BytePointer data = lookup.data()) {
            data.put(entries);
        }
        return lookup;
    }

    private static Mat points(float... xy) {
        Mat points = new Mat(xy.length / 2, 1, opencv_core.CV_32FC2);
        try (FloatIndexer values = points.createIndexer()) {
            for (int i = 0; i < xy.length; i++) {
                values.put(i / 2, 0, i % 2, xy[i]);
            }
        }
        return points;
    }
}
