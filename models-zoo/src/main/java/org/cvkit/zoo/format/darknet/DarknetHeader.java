package org.cvkit.zoo.format.darknet;

/**
 * The header of a Darknet {@code .weights} file.
 *
 * @param major       major format version
 * @param minor       minor format version
 * @param revision    revision
 * @param imagesSeen  number of training images the weights have seen
 */
public record DarknetHeader(int major, int minor, int revision, long imagesSeen) {

    /**
     * Darknet stores the images-seen count in 64 bits from version 0.2 on, in 32 bits before.
     *
     * @param major major format version
     * @param minor minor format version
     * @return true if {@code major * 10 + minor >= 2}
     */
    public static boolean hasWideSeenCount(int major, int minor) {
        return major * 10 + minor >= 2;
    }

    /** @return the header's size in the file: 20 bytes from version 0.2 on, 16 bytes before */
    public int byteSize() {
        return hasWideSeenCount(major, minor) ? 20 : 16;
    }
}
