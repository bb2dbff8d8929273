package org.cvkit.apps.face;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.javacv.OpenCVFrameGrabber;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.detection.media.MediaFormatException;

/**
 * Where the live loop's frames come from: a camera, or a video file played as if it were one: at its own frame rate,
 * however fast it decodes.
 */
final class FrameSource implements AutoCloseable {

    private final FrameGrabber grabber;
    private final Grab grab;
    private final String name;
    private final boolean paced;
    private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
    private long frames;
    private long startNanos;

    /** @param paced whether to hand frames out at the grabber's frame rate (a file) or as they come (a camera) */
    private FrameSource(FrameGrabber grabber, Grab grab, String name, boolean paced) {
        this.grabber = grabber;
        this.grab = grab;
        this.name = name;
        this.paced = paced;
    }

    /**
     * Opens a camera with OpenCV. On Linux a missing {@code /dev/videoN} is reported before OpenCV tries it.
     *
     * @param index the camera's number, 0 for the first
     * @return the started camera
     * @throws IllegalArgumentException if the index is negative
     * @throws IOException              if there is no such camera or it cannot deliver frames
     */
    static FrameSource camera(int index) throws IOException {
        if (index < 0) {
            throw new IllegalArgumentException("--camera is a camera number, 0 for the first, but is " + index);
        }
        String device = "/dev/video" + index;
        if (System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                && !Files.exists(Path.of(device))) {
            throw new IOException("no camera " + index + ": " + device + " does not exist; connect a camera, or run "
                    + "on a video with --video FILE");
        }
        OpenCVFrameGrabber camera = new OpenCVFrameGrabber(index);
        FrameSource source = new FrameSource(camera, camera::grab, "camera " + index, false);
        try {
            camera.start();
        } catch (FrameGrabber.Exception e) {
            source.close();
            throw new IOException("cannot open camera " + index + ": " + e.getMessage()
                    + "; check that no other program uses it", e);
        }
        return source;
    }

    /**
     * Opens a video file with FFmpeg.
     *
     * @param video a video file
     * @return the started video
     * @throws NoSuchFileException  if the file does not exist
     * @throws MediaFormatException if it holds no decodable video
     */
    static FrameSource video(Path video) throws IOException {
        if (!Files.isRegularFile(video)) {
            throw new NoSuchFileException(video.toString());
        }
        FFmpegFrameGrabber file = new FFmpegFrameGrabber(video.toFile());
        FrameSource source = new FrameSource(file, file::grabImage, video.toString(), true);
        try {
            file.start();
        } catch (FrameGrabber.Exception e) {
            source.close();
            throw new MediaFormatException("cannot decode " + video + " as a video: " + e.getMessage(), e);
        }
        if (!file.hasVideo()) {
            source.close();
            throw new MediaFormatException(video + " holds no video stream");
        }
        return source;
    }

    /**
     * @return the next frame as an 8-bit BGR image that the caller closes, or {@code null} at the end of a video
     * @throws IOException if the frame cannot be grabbed
     */
    Mat next() throws IOException {
        Frame frame;
        try {
            frame = grab.next();
        } catch (FrameGrabber.Exception e) {
            throw new IOException("cannot grab a frame from " + name + ": " + e.getMessage(), e);
        }
        if (frame == null || frame.image == null) {
            return null;
        }
        keepPace();
        // The converted Mat shares the grabber's buffer, which the next grab overwrites: keep a copy.
        return converter.convert(frame).clone();
    }

    /** Waits until the current frame is due, at the video's frame rate. */
    private void keepPace() throws IOException {
        double framesPerSecond = grabber.getFrameRate();
        if (!paced || !(framesPerSecond > 0)) {
            return;
        }
        if (frames == 0) {
            startNanos = System.nanoTime();
        }
        long due = startNanos + Math.round(frames++ * 1e9 / framesPerSecond);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the next frame of " + name);
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception e) {
            throw new IOException("cannot close " + name + ": " + e.getMessage(), e);
        } finally {
            converter.close();
        }
    }

    /** Grabs the next frame from a started grabber. */
    @FunctionalInterface
    private interface Grab {
        Frame next() throws FrameGrabber.Exception;
    }
}
