package org.cvkit.detection.media;

/**
 * How a {@link VideoDetection} run went.
 *
 * @param info       the video
 * @param frames     the frames processed
 * @param detections the detections over all frames
 * @param seconds    the wall-clock time of the run
 */
public record VideoSummary(VideoInfo info, long frames, long detections, double seconds) {

    /** @return the frames processed per second of wall-clock time */
    public double framesPerSecond() {
        return seconds > 0 ? frames / seconds : 0;
    }
}
