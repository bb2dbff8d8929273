package org.cvkit.face.analysis;

import java.util.Objects;

/**
 * A face that {@link FaceTracker} follows from frame to frame.
 *
 * @param track           the track's number, the same in every frame the face is followed through, counted from 0
 * @param face            the face in this frame: its box and score from this frame's detection; its landmarks,
 *                        aligned crop and descriptor from the frame it was last described in, moved along with the box
 * @param describedFramesAgo how many frames ago the face was last described: 0 when it was in this frame
 */
public record TrackedFace(int track, AnalyzedFace face, int describedFramesAgo) {

    /** Validates the numbers. */
    public TrackedFace {
        Objects.requireNonNull(face, "face");
        if (track < 0 || describedFramesAgo < 0) {
            throw new IllegalArgumentException("a track number and a description's age cannot be negative but are "
                    + track + " and " + describedFramesAgo);
        }
    }
}
