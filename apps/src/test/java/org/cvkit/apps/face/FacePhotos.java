package org.cvkit.apps.face;

import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.cvkit.apps.CommandRunner;
import org.cvkit.apps.CommandRunner.Result;
import org.cvkit.apps.ImageFiles;
import org.cvkit.zoo.SharedAssets;

/**
 * Test photos cut from the sample photos: {@code sample3.jpg}, whose three faces face-api finds at {@link #ADA_BOX},
 * {@link #BEA_BOX} and {@link #CLEO_BOX} ({@code [x1, y1, x2, y2]}, face-api's fixture), and {@code sample2.jpg} with
 * {@link #DANA_BOX}: a photo of a woman alone, mirrored and brightened copies, and a short video of sample3.
 */
final class FacePhotos {

    /** The face on the right of the middle in sample3, in the photo's pixels. */
    static final double[] ADA_BOX = {1004.86, 252.43, 1329.47, 527.92};
    /** The face on the left. */
    static final double[] BEA_BOX = {525.40, 370.02, 838.77, 641.06};
    /** The face on the right, which the detector misses once cut out with the room around it. */
    static final double[] CLEO_BOX = {1444.29, 342.34, 1733.42, 612.48};
    /** The one face face-api finds in sample2 (its fixture), in that photo's pixels. */
    static final double[] DANA_BOX = {1403.47, 173.40, 1680.09, 437.16};
    /** The region of sample3 the video shows, scaled by {@link #CLIP_SCALE} to 640 x 480; all three faces show. */
    static final Rect CLIP_REGION = new Rect(450, 200, 1400, 1050);
    /** How much the video's frames are scaled from sample3. */
    static final double CLIP_SCALE = 640.0 / 1400;
    /**
     * A threshold that tells the sample faces apart. At face-api's 0.6 Cleo passes for Ada, 0.57 apart (see the face
     * module's FaceVerificationTest); 0.45 separates every sample face from the others.
     */
    static final String THRESHOLD = "0.45";

    private static final double MARGIN = 0.4;
    private static final double BRIGHTER = 40;

    private FacePhotos() {
    }

    /** @return sample3, a group photo of three faces */
    static Path group() {
        return SharedAssets.resolve("sample3.jpg");
    }

    /** @return a real photo without a face (OpenCV's fruit sample) */
    static Path noFace() {
        return SharedAssets.resolve("fruits.jpg");
    }

    /**
     * @param folder where to write
     * @param name   the file name, ending in an image extension
     * @param box    a face of sample3, or {@link #DANA_BOX}
     * @return a photo of that face alone: the face with 40 % of its size around it
     */
    static Path alone(Path folder, String name, double[] box) throws IOException {
        Path photo = SharedAssets.resolve(box == DANA_BOX ? "sample2.jpg" : "sample3.jpg");
        try (Mat group = ImageFiles.read(photo); Rect around = around(box, group); Mat face = group.apply(around)) {
            return write(folder.resolve(name), face);
        }
    }

    /** @return a left-right mirrored copy of a photo */
    static Path mirrored(Path photo, Path copy) throws IOException {
        try (Mat image = ImageFiles.read(photo); Mat flipped = new Mat()) {
            flip(image, flipped, 1);
            return write(copy, flipped);
        }
    }

    /** @return a copy of a photo 40 levels brighter */
    static Path brightened(Path photo, Path copy) throws IOException {
        try (Mat image = ImageFiles.read(photo); Mat brighter = new Mat()) {
            image.convertTo(brighter, -1, 1, BRIGHTER);
            return write(copy, brighter);
        }
    }

    /**
     * @param file   where to write the video, an MJPEG .avi
     * @param frames how many frames
     * @return a video of {@link #CLIP_REGION} of sample3, still, at 10 frames per second
     */
    static Path clip(Path file, int frames) throws IOException {
        try (Mat group = ImageFiles.read(group()); Mat region = group.apply(CLIP_REGION); Mat frame = new Mat();
             Size size = new Size(640, 480);
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
             FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 640, 480, 0)) {
            resize(region, frame, size);
            recorder.setFormat("avi");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MJPEG);
            recorder.setFrameRate(10);
            recorder.start();
            for (int i = 0; i < frames; i++) {
                recorder.record(converter.convert(frame));
            }
            recorder.stop();
        }
        return file;
    }

    /**
     * @param box a face of sample3
     * @return the box in the video's frames
     */
    static double[] inClip(double[] box) {
        return new double[] {(box[0] - CLIP_REGION.x()) * CLIP_SCALE, (box[1] - CLIP_REGION.y()) * CLIP_SCALE,
            (box[2] - CLIP_REGION.x()) * CLIP_SCALE, (box[3] - CLIP_REGION.y()) * CLIP_SCALE};
    }

    /**
     * Runs {@code cvkit face-verify} with the given gallery (for sub-commands that keep people) and the shared asset
     * mirror (for those that load the networks).
     */
    static Result faceVerify(Path gallery, String... args) {
        List<String> all = new ArrayList<>(List.of("face-verify"));
        all.addAll(List.of(args));
        String command = args.length == 0 ? "" : args[0];
        if (!command.equals("describe")) {
            all.addAll(List.of("--gallery", gallery.toString()));
        }
        if (!command.equals("list") && !command.equals("remove")) {
            all.addAll(List.of("--mirror", SharedAssets.mirror().toString()));
        }
        return CommandRunner.run(all.toArray(String[]::new));
    }

    /**
     * @param classIndex a detection's class
     * @return the colour {@code DetectionPainter} draws that class in (hues spread by the golden ratio), as RGB
     */
    static int[] boxRgb(int classIndex) {
        int rgb = Color.HSBtoRGB((float) ((classIndex * 0.618033988749895) % 1.0), 0.85f, 0.95f);
        return new int[] {(rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF};
    }

    /** @return the RGB values of one pixel of an 8-bit BGR image */
    static int[] rgb(Mat image, int x, int y) {
        try (UByteIndexer pixels = image.createIndexer()) {
            return new int[] {pixels.get(y, x, 2), pixels.get(y, x, 1), pixels.get(y, x, 0)};
        }
    }

    private static Rect around(double[] box, Mat image) {
        double marginX = (box[2] - box[0]) * MARGIN;
        double marginY = (box[3] - box[1]) * MARGIN;
        int x1 = (int) Math.max(0, box[0] - marginX);
        int y1 = (int) Math.max(0, box[1] - marginY);
        int x2 = (int) Math.min(image.cols(), box[2] + marginX);
        int y2 = (int) Math.min(image.rows(), box[3] + marginY);
        return new Rect(x1, y1, x2 - x1, y2 - y1);
    }

    private static Path write(Path file, Mat image) throws IOException {
        if (!imwrite(file.toString(), image)) {
            throw new IOException("cannot write " + file);
        }
        return file;
    }
}
