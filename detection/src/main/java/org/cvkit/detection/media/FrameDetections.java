package org.cvkit.detection.media;

import java.util.List;
import java.util.Objects;
import org.cvkit.detection.geometry.Detection;

/**
 * What a detector found in one video frame.
 *
 * @param index      the frame's position in the video, counted from 0
 * @param timeMillis the frame's presentation time in the video, in milliseconds
 * @param detections the detections, boxes in the frame's pixels, by descending score
 */
public record FrameDetections(long index, double timeMillis, List<Detection> detections) {

    /** Validates the index and time and copies the list. */
    public FrameDetections {
        if (index < 0) {
            throw new IllegalArgumentException("frame index must not be negative but is " + index);
        }
        if (!(timeMillis >= 0)) {
            throw new IllegalArgumentException("frame time must be a non-negative number but is " + timeMillis);
        }
        detections = List.copyOf(Objects.requireNonNull(detections, "detections"));
    }
}
