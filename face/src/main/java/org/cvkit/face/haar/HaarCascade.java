package org.cvkit.face.haar;

import java.io.File;
import java.io.IOException;
import org.bytedeco.javacpp.Loader;

/**
 * The frontal-face Haar cascades that ship inside the JavaCV OpenCV jar, under
 * {@code org/bytedeco/opencv/PLATFORM/share/opencv4/haarcascades/}.
 */
public enum HaarCascade {

    /** {@code haarcascade_frontalface_default.xml}: finds the most faces, and by far the most false ones. */
    FRONTAL_FACE_DEFAULT("haarcascade_frontalface_default.xml"),
    /** {@code haarcascade_frontalface_alt.xml}. */
    FRONTAL_FACE_ALT("haarcascade_frontalface_alt.xml"),
    /** {@code haarcascade_frontalface_alt2.xml}, the default of {@link HaarFaceDetector#load()}. */
    FRONTAL_FACE_ALT2("haarcascade_frontalface_alt2.xml");

    private final String fileName;

    HaarCascade(String fileName) {
        this.fileName = fileName;
    }

    /** @return the cascade's XML file name */
    public String fileName() {
        return fileName;
    }

    /**
     * @return the cascade's XML file, extracted from the jar into JavaCPP's cache on first use
     * @throws IOException if the OpenCV jar of this platform is not on the class path or cannot be extracted
     */
    File extract() throws IOException {
        String resource = "/org/bytedeco/opencv/" + Loader.getPlatform() + "/share/opencv4/haarcascades/" + fileName;
        File file = Loader.cacheResource(HaarCascade.class, resource);
        if (file == null) {
            throw new IOException("the class path has no " + resource + "; add the OpenCV jar of platform "
                    + Loader.getPlatform() + " (org.bytedeco:opencv with that classifier)");
        }
        return file;
    }
}
