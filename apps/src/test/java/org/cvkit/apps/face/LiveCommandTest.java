package org.cvkit.apps.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cvkit.apps.face.FacePhotos.ADA_BOX;
import static org.cvkit.apps.face.FacePhotos.BEA_BOX;
import static org.cvkit.apps.face.FacePhotos.CLEO_BOX;
import static org.cvkit.apps.face.FacePhotos.boxRgb;
import static org.cvkit.apps.face.FacePhotos.faceVerify;

import java.awt.AWTException;
import java.awt.Canvas;
import java.awt.Color;
import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import org.bytedeco.javacv.CanvasFrame;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.cvkit.apps.CommandRunner.Result;
import org.cvkit.apps.CvkitCommand;
import org.cvkit.apps.ExitCode;
import org.cvkit.core.image.ImageConversions;
import org.cvkit.zoo.SharedAssets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cvkit face-verify live} on a video of sample3 with Ada and Bea enrolled and Cleo not, at a threshold that
 * tells the three apart: headless into an annotated video, and in the window, which is checked on a screenshot when a
 * display is available (CI runs the tests under Xvfb).
 */
class LiveCommandTest {

    private static final int CLIP_FRAMES = 6;
    /** Long enough that the window is still showing frames when the test has looked at it. */
    private static final int WINDOW_CLIP_FRAMES = 300;
    private static final long WINDOW_TIMEOUT_SECONDS = 180;
    /** Box and label pixels around a face: a thin frame and a strip, a few hundred pixels at 640 x 480. */
    private static final int MIN_PIXELS = 100;
    /** The landmark dots' colour, DetectionPainter.KEYPOINT_BGR, and how many of its pixels 68 small dots make. */
    private static final int[] LANDMARK_RGB = {80, 255, 80};
    private static final int MIN_LANDMARK_PIXELS = 30;
    /** How far a screenshot's colours may be from the painted ones: the window shows them as they are. */
    private static final int SCREEN_TOLERANCE = 10;
    /** How far an MPEG-4 video's colours may be from the painted ones. */
    private static final int VIDEO_TOLERANCE = 40;

    @TempDir
    static Path shared;

    @TempDir
    Path temp;

    private static Path gallery;
    private static Path clip;

    @BeforeAll
    static void enrollAdaAndBea() throws IOException {
        gallery = shared.resolve("gallery.json");
        for (String name : List.of("Ada", "Bea")) {
            Path photo = FacePhotos.alone(shared, name + ".jpg", name.equals("Ada") ? ADA_BOX : BEA_BOX);
            Result run = faceVerify(gallery, "enroll", name, photo.toString());
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        }
        clip = FacePhotos.clip(shared.resolve("clip.avi"), CLIP_FRAMES);
    }

    @Test
    void writesAnAnnotatedVideoNamingEveryFace() throws IOException {
        Path annotated = temp.resolve("named.mp4");

        Result run = faceVerify(gallery, "live", "--video", clip.toString(), "--out", annotated.toString(),
                "--threshold", FacePhotos.THRESHOLD);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).startsWith("clip.avi: 6 frames in ")
                .endsWith("; Ada in 6 frames, Bea in 6 frames, unknown in 6 frames; annotated video: " + annotated
                        + "\n");
        int frames = 0;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(annotated.toFile());
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            for (org.bytedeco.javacv.Frame frame = grabber.grabImage(); frame != null; frame = grabber.grabImage()) {
                if (frames++ == 0) {
                    BufferedImage image = ImageConversions.toBufferedImage(converter.convert(frame));
                    // Boxes and label strips in each person's colour: Ada 1, Bea 2, Cleo unknown 0. The video is
                    // compressed, so colours are matched loosely.
                    assertThat(count(image, around(ADA_BOX), boxRgb(1), VIDEO_TOLERANCE)).isGreaterThan(MIN_PIXELS);
                    assertThat(count(image, around(BEA_BOX), boxRgb(2), VIDEO_TOLERANCE)).isGreaterThan(MIN_PIXELS);
                    assertThat(count(image, around(CLEO_BOX), boxRgb(0), VIDEO_TOLERANCE)).isGreaterThan(MIN_PIXELS);
                    assertThat(count(image, around(ADA_BOX), LANDMARK_RGB, VIDEO_TOLERANCE)).as("landmark pixels")
                            .isGreaterThanOrEqualTo(MIN_LANDMARK_PIXELS);
                }
            }
        }
        assertThat(frames).isEqualTo(CLIP_FRAMES);
    }

    /**
     * The video plays as the camera would: the test waits for the window, screenshots its canvas until Ada's box
     * and landmarks show up where her face is, then closes the window, which ends the command.
     */
    @Test
    @EnabledIf("hasDisplay")
    void showsEveryFaceNamedInTheWindow() throws Exception {
        Path longClip = FacePhotos.clip(temp.resolve("long.avi"), WINDOW_CLIP_FRAMES);
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<Result> live = background.submit(() -> faceVerify(gallery, "live", "--video",
                    longClip.toString(), "--threshold", FacePhotos.THRESHOLD));
            CanvasFrame window = awaitWindow(live);
            Rectangle ada = around(ADA_BOX);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WINDOW_TIMEOUT_SECONDS);
            BufferedImage screenshot = screenshot(window);
            while (count(screenshot, ada, boxRgb(1), SCREEN_TOLERANCE) < MIN_PIXELS && System.nanoTime() < deadline
                    && !live.isDone()) {
                Thread.sleep(200);
                screenshot = screenshot(window);
            }
            ImageIO.write(screenshot, "png", temp.resolve("window.png").toFile());

            assertThat(count(screenshot, ada, boxRgb(1), SCREEN_TOLERANCE)).as("pixels of Ada's box colour around "
                    + "her face").isGreaterThanOrEqualTo(MIN_PIXELS);
            assertThat(count(screenshot, ada, LANDMARK_RGB, SCREEN_TOLERANCE)).as("landmark pixels on "
                    + "Ada's face").isGreaterThanOrEqualTo(MIN_LANDMARK_PIXELS);
            assertThat(count(screenshot, around(CLEO_BOX), boxRgb(0), SCREEN_TOLERANCE)).as("pixels of the unknown "
                    + "colour around Cleo's face").isGreaterThanOrEqualTo(MIN_PIXELS);
            SwingUtilities.invokeAndWait(() -> window.dispatchEvent(new WindowEvent(window,
                    WindowEvent.WINDOW_CLOSING)));
            Result run = live.get(WINDOW_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
            // the window shows frames at the clip's rate; the analysis, beside it, takes some of them
            assertThat(run.out()).matches("\\d+ frames in \\d+\\.\\d s \\(\\d+\\.\\d frames/s\\), "
                    + "faces analyzed in \\d+ \\(\\d+\\.\\d/s\\)\n");
            String[] words = run.out().split(" ");
            int shown = Integer.parseInt(words[0]);
            assertThat(shown).isBetween(1, WINDOW_CLIP_FRAMES - 1);
            assertThat(Integer.parseInt(words[10])).isBetween(1, shown);
        } finally {
            background.shutdownNow();
        }
    }

    /** A JVM without a display: the window cannot open, which takes one line and no stack trace. */
    @Test
    void withoutADisplayTheWindowFailsWithOneLine() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), CvkitCommand.class.getName(), "face-verify", "live",
                "--video", clip.toString(), "--gallery", gallery.toString(), "--mirror",
                SharedAssets.mirror().toString());
        builder.environment().remove("DISPLAY");
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);

        Process process = builder.start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isEqualTo(ExitCode.FAILURE);
        assertThat(err.lines().filter(line -> line.startsWith("cvkit: ")).toList()).as(err)
                .containsExactly("cvkit: no display for the live window (DISPLAY is not set or cannot be reached); "
                        + "run it on a desktop, or write an annotated video with --video FILE --out FILE");
        assertThat(err).doesNotContain("Exception");
    }

    static boolean hasDisplay() {
        return !GraphicsEnvironment.isHeadless();
    }

    private static CanvasFrame awaitWindow(Future<Result> live) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WINDOW_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            Optional<CanvasFrame> window = Arrays.stream(Frame.getFrames())
                    .filter(frame -> frame instanceof CanvasFrame && frame.isShowing()
                            && frame.getTitle().equals(LiveCommand.WINDOW_TITLE))
                    .map(CanvasFrame.class::cast)
                    // The window shows before its canvas is created and laid out on the event thread.
                    .filter(frame -> frame.getCanvas() != null && frame.getCanvas().isShowing())
                    .findFirst();
            if (window.isPresent()) {
                return window.get();
            }
            if (live.isDone()) {
                throw new AssertionError("live ended without a window: " + live.get().err());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no live window within " + WINDOW_TIMEOUT_SECONDS + " s");
    }

    private static BufferedImage screenshot(CanvasFrame window) throws AWTException {
        Canvas canvas = window.getCanvas();
        return new Robot().createScreenCapture(new Rectangle(canvas.getLocationOnScreen(), canvas.getSize()));
    }

    /** A face's box in the video's frames, widened to take in the label strip above it. */
    private static Rectangle around(double[] box) {
        double[] inClip = FacePhotos.inClip(box);
        return new Rectangle((int) inClip[0] - 5, (int) inClip[1] - 30, (int) (inClip[2] - inClip[0]) + 10,
                (int) (inClip[3] - inClip[1]) + 35);
    }

    /** @return how many pixels of the region are within the tolerance of the colour in every channel */
    private static int count(BufferedImage image, Rectangle region, int[] rgb, int tolerance) {
        int matches = 0;
        Rectangle inside = region.intersection(new Rectangle(image.getWidth(), image.getHeight()));
        for (int y = inside.y; y < inside.y + inside.height; y++) {
            for (int x = inside.x; x < inside.x + inside.width; x++) {
                Color pixel = new Color(image.getRGB(x, y));
                if (Math.abs(pixel.getRed() - rgb[0]) <= tolerance && Math.abs(pixel.getGreen() - rgb[1]) <= tolerance
                        && Math.abs(pixel.getBlue() - rgb[2]) <= tolerance) {
                    matches++;
                }
            }
        }
        return matches;
    }

}
