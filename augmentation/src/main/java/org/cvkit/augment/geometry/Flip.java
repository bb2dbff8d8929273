package org.cvkit.augment.geometry;

import java.util.SplittableRandom;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.core.geometry.ImageSize;

/** Mirrors the image, with OpenCV's {@code flip}. */
public enum Flip implements GeometricTransform {
    /** Left becomes right: {@code x -> width - x}. */
    HORIZONTAL(1),
    /** Top becomes bottom: {@code y -> height - y}. */
    VERTICAL(0);

    private final int openCvFlipCode;

    Flip(int openCvFlipCode) {
        this.openCvFlipCode = openCvFlipCode;
    }

    @Override
    public Warp plan(ImageSize source, SplittableRandom random) {
        Homography matrix = this == HORIZONTAL
                ? Homography.affine(-1, 0, source.width(), 0, 1, 0)
                : Homography.affine(1, 0, 0, 0, -1, source.height());
        return new Warp(matrix, source, image -> {
            Mat flipped = new Mat();
            opencv_core.flip(image, flipped, openCvFlipCode);
            return flipped;
        });
    }
}
