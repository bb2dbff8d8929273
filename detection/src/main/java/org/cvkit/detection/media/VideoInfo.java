package org.cvkit.detection.media;

import org.cvkit.core.geometry.ImageSize;

/**
 * What the container says about a video before it is decoded.
 *
 * @param frameSize      the size of each frame
 * @param framesPerSecond the frame rate
 * @param frameCount     the number of frames the container announces (an estimate for some formats; 0 if unknown)
 */
public record VideoInfo(ImageSize frameSize, double framesPerSecond, long frameCount) {
}
