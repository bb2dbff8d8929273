package org.cvkit.augment.geometry;

import org.bytedeco.opencv.global.opencv_core;

/** How a warp fills the pixels that come from outside the source image. */
public enum BorderMode {
    /** Black. */
    CONSTANT(opencv_core.BORDER_CONSTANT),
    /** The nearest edge pixel repeated: {@code aaaa|abcd|dddd}. */
    REPLICATE(opencv_core.BORDER_REPLICATE),
    /** The image mirrored about its edge, without repeating the edge pixel: {@code dcb|abcd|cba}. */
    REFLECT(opencv_core.BORDER_REFLECT_101),
    /** The image tiled: {@code bcd|abcd|abc}. */
    WRAP(opencv_core.BORDER_WRAP);

    private final int openCvCode;

    BorderMode(int openCvCode) {
        this.openCvCode = openCvCode;
    }

    /** @return the OpenCV {@code BORDER_*} constant */
    public int openCvCode() {
        return openCvCode;
    }
}
