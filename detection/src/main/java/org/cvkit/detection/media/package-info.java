/**
 * Detection on real media: the {@link org.cvkit.detection.media.ObjectDetector} every detector offers, drawing
 * detections onto images, and {@link org.cvkit.detection.media.VideoDetection}, which streams a video frame by frame
 * through a detector while the next frame is decoded and the previous one encoded.
 */
package org.cvkit.detection.media;
