package org.cvkit.detection.media;

/** Hears about a {@link VideoDetection} run as it goes; called on the thread that runs it, frames in order. */
public interface VideoDetectionListener {

    /**
     * Called once the video is open, before the first frame.
     *
     * @param info the video's size, frame rate and announced length
     */
    default void started(VideoInfo info) {
    }

    /**
     * Called after each frame has been through the detector.
     *
     * @param frame the frame's detections
     */
    void frameDone(FrameDetections frame);
}
