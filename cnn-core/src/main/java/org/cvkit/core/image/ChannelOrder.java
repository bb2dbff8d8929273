package org.cvkit.core.image;

/**
 * The order of the colour channels of a three-channel tensor. OpenCV and Java's {@code TYPE_3BYTE_BGR}
 * store pixels as blue, green, red; most networks trained in Python read red, green, blue.
 * One-channel (gray) images have no order to choose.
 */
public enum ChannelOrder {
    /** Channel 0 is red, 1 green, 2 blue. */
    RGB,
    /** Channel 0 is blue, 1 green, 2 red: OpenCV's own order. */
    BGR;

    /**
     * Where a tensor channel sits inside an interleaved B, G, R pixel.
     *
     * @param tensorChannel 0, 1 or 2
     * @return the byte offset of that channel within a BGR pixel
     */
    int bgrOffset(int tensorChannel) {
        return this == BGR ? tensorChannel : 2 - tensorChannel;
    }
}
