package org.cvkit.detection.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.core.io.AtomicFiles;
import org.cvkit.detection.geometry.Detection;

/**
 * Runs a detector over a video frame by frame, optionally writing a copy with the detections drawn in. Decoding
 * the next frames and encoding the previous ones happen on two background threads while the detector works on the
 * current frame; at most a few frames are held in memory at any time, each released as soon as it is done.
 *
 * <p>The annotated copy is MPEG-4 video in the container its extension names ({@code .mp4}, {@code .avi},
 * {@code .mkv}, {@code .mov}), at the input's size and frame rate. It is written to a temporary file that replaces
 * the output only when the whole video went through, so a failed run leaves no partial file behind.
 */
public final class VideoDetection {

    private static final int FRAMES_IN_FLIGHT = 4;
    private static final int VIDEO_QUALITY = 4;
    private static final double FALLBACK_FRAME_RATE = 25;

    private final ObjectDetector detector;
    private final DetectionPainter painter;

    /**
     * @param detector what finds objects in each frame
     * @param painter  what draws them into the annotated copy
     */
    public VideoDetection(ObjectDetector detector, DetectionPainter painter) {
        this.detector = Objects.requireNonNull(detector, "detector");
        this.painter = Objects.requireNonNull(painter, "painter");
    }

    /**
     * Runs the detector over every frame.
     *
     * @param video    a video file FFmpeg can decode
     * @param listener hears about the video and each frame's detections
     * @return how the run went
     * @throws NoSuchFileException  if the video does not exist
     * @throws MediaFormatException if the file holds no decodable video
     * @throws IOException          if reading fails
     */
    public VideoSummary run(Path video, VideoDetectionListener listener) throws IOException {
        return process(video, null, listener);
    }

    /**
     * Runs the detector over every frame and writes a copy of the video with the detections drawn in.
     *
     * @param video     a video file FFmpeg can decode
     * @param annotated where the copy goes; replaced only when the run succeeds
     * @param listener  hears about the video and each frame's detections
     * @return how the run went
     * @throws IllegalArgumentException if the copy's extension names no supported container
     * @throws NoSuchFileException      if the video does not exist
     * @throws MediaFormatException     if the file holds no decodable video
     * @throws IOException              if reading or writing fails
     */
    public VideoSummary run(Path video, Path annotated, VideoDetectionListener listener) throws IOException {
        VideoContainer.of(Objects.requireNonNull(annotated, "annotated"));
        return process(video, annotated, listener);
    }

    private VideoSummary process(Path video, Path annotated, VideoDetectionListener listener) throws IOException {
        Objects.requireNonNull(listener, "listener");
        if (!Files.isRegularFile(Objects.requireNonNull(video, "video"))) {
            throw new NoSuchFileException(video.toString());
        }
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile())) {
            VideoInfo info = open(grabber, video);
            listener.started(info);
            if (annotated == null) {
                return detectAll(video, grabber, info, null, listener);
            }
            VideoSummary[] summary = new VideoSummary[1];
            AtomicFiles.write(annotated, temporary -> {
                try (FFmpegFrameRecorder recorder = recorder(temporary, VideoContainer.of(annotated), info)) {
                    recorder.start();
                    summary[0] = detectAll(video, grabber, info, recorder, listener);
                    recorder.stop();
                }
            });
            return summary[0];
        }
    }

    private static VideoInfo open(FFmpegFrameGrabber grabber, Path video) throws MediaFormatException {
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            throw new MediaFormatException("cannot decode " + video + " as a video: " + e.getMessage(), e);
        }
        if (!grabber.hasVideo() || grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
            throw new MediaFormatException(video + " holds no video stream");
        }
        return new VideoInfo(new ImageSize(grabber.getImageWidth(), grabber.getImageHeight()),
                grabber.getFrameRate(), Math.max(0, grabber.getLengthInVideoFrames()));
    }

    private static FFmpegFrameRecorder recorder(Path file, VideoContainer container, VideoInfo info) {
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), info.frameSize().width(),
                info.frameSize().height(), 0);
        recorder.setFormat(container.ffmpegFormat());
        recorder.setVideoCodec(AV_CODEC_ID_MPEG4);
        recorder.setVideoQuality(VIDEO_QUALITY);
        recorder.setFrameRate(info.framesPerSecond() > 0 ? info.framesPerSecond() : FALLBACK_FRAME_RATE);
        return recorder;
    }

    private VideoSummary detectAll(Path video, FFmpegFrameGrabber grabber, VideoInfo info,
                                   FFmpegFrameRecorder recorder, VideoDetectionListener listener) throws IOException {
        long start = System.nanoTime();
        long frames = 0;
        long detections = 0;
        OpenCVFrameConverter.ToMat decoding = new OpenCVFrameConverter.ToMat();
        OpenCVFrameConverter.ToMat encoding = new OpenCVFrameConverter.ToMat();
        try (ReadAhead<DecodedFrame> decoded = new ReadAhead<>("cvkit-decode", FRAMES_IN_FLIGHT,
                () -> decode(grabber, decoding), DecodedFrame::close);
             WriteBehind<Mat> encoded = recorder == null ? null : new WriteBehind<>("cvkit-encode", FRAMES_IN_FLIGHT,
                     image -> recorder.record(encoding.convert(image)), Mat::close)) {
            for (DecodedFrame frame = decoded.next(); frame != null; frame = decoded.next()) {
                boolean handedOver = false;
                try {
                    List<Detection> found = detector.detect(frame.image());
                    listener.frameDone(new FrameDetections(frames++, frame.timeMillis(), found));
                    detections += found.size();
                    if (encoded != null) {
                        painter.paint(frame.image(), found);
                        handedOver = true;
                        encoded.put(frame.image());
                    }
                } finally {
                    if (!handedOver) {
                        frame.close();
                    }
                }
            }
            if (encoded != null) {
                encoded.finish();
            }
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while processing " + video, e);
        } catch (Exception e) {
            throw new IOException("cannot process " + video + ": " + e.getMessage(), e);
        }
        if (frames == 0) {
            throw new MediaFormatException(video + " holds no decodable video frames");
        }
        return new VideoSummary(info, frames, detections, (System.nanoTime() - start) / 1e9);
    }

    private static DecodedFrame decode(FFmpegFrameGrabber grabber, OpenCVFrameConverter.ToMat converter)
            throws FrameGrabber.Exception {
        Frame frame = grabber.grabImage();
        if (frame == null) {
            return null;
        }
        // The converted Mat shares the grabber's buffer, which the next grab overwrites: keep a copy.
        return new DecodedFrame(converter.convert(frame).clone(), Math.max(0, grabber.getTimestamp()) / 1000.0);
    }

    /** A decoded frame the pipeline owns until it is encoded or released. */
    private record DecodedFrame(Mat image, double timeMillis) implements AutoCloseable {
        @Override
        public void close() {
            image.close();
        }
    }
}
