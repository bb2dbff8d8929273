package org.cvkit.face.analysis;

/**
 * Thrown when an image must show exactly one face (to enrol or verify a person) but shows none or several.
 */
public final class FaceCountException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int count;

    /**
     * @param count  the number of faces found, not 1
     * @param source the image, for the message (a file name, "the frame", ...)
     */
    FaceCountException(int count, String source) {
        super(count == 0
                ? "no face found in " + source + "; use a photo in which one face is clearly visible and roughly "
                        + "frontal"
                : "found " + count + " faces in " + source + " where exactly one is needed; use a photo of that "
                        + "person alone, or crop it to their face");
        this.count = count;
    }

    /** @return the number of faces found: 0, or more than 1 */
    public int count() {
        return count;
    }
}
