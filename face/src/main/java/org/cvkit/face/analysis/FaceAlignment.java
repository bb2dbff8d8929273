package org.cvkit.face.analysis;

import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.core.geometry.Keypoint;

/**
 * Where face-api cuts a face out before describing it: {@code FaceLandmarks.align(null, {useDlibAlignment: true})},
 * a square placed from the eyes and the mouth as dlib's face chips are. There is no rotation.
 *
 * <p>With the centres of the left eye, the right eye and the mouth, the side is
 * {@code floor(mean(|mouth - leftEye|, |mouth - rightEye|) / 0.45)}; the square's top-left corner is
 * {@code floor(max(0, r.x - 0.5 side))}, {@code floor(max(0, r.y - 0.43 side))}, {@code r} being the mean of the three
 * centres. face-api limits the width to {@code side} and to the landmark crop's width plus that corner's x (the
 * height likewise), then clips the square to the image like any crop.
 */
public final class FaceAlignment {

    private static final double EYE_TO_MOUTH_PER_SIDE = 0.45;
    private static final double CENTRE_X_PER_SIDE = 0.5;
    private static final double CENTRE_Y_PER_SIDE = 0.43;

    private FaceAlignment() {
    }

    /**
     * @param landmarks    the face's landmarks in image pixels
     * @param landmarkCrop the crop the landmark net saw (face-api's quirk above needs its size)
     * @param image        the image size
     * @return the aligned crop, which face-api's recognition net describes; empty if it misses the image
     */
    public static CropRect alignedCrop(FaceLandmarks68 landmarks, CropRect landmarkCrop, ImageSize image) {
        Keypoint leftEye = landmarks.leftEyeCentre();
        Keypoint rightEye = landmarks.rightEyeCentre();
        Keypoint mouth = landmarks.mouthCentre();
        double eyeToMouth = (distance(mouth, leftEye) + distance(mouth, rightEye)) / 2;
        int side = (int) Math.floor(eyeToMouth / EYE_TO_MOUTH_PER_SIDE);
        double centreX = (leftEye.x() + rightEye.x() + mouth.x()) / 3;
        double centreY = (leftEye.y() + rightEye.y() + mouth.y()) / 3;
        double x = Math.floor(Math.max(0, centreX - CENTRE_X_PER_SIDE * side));
        double y = Math.floor(Math.max(0, centreY - CENTRE_Y_PER_SIDE * side));
        double width = Math.min(side, landmarkCrop.width() + x);
        double height = Math.min(side, landmarkCrop.height() + y);
        return CropRect.clipped(new Box(x, y, x + width, y + height), image);
    }

    private static double distance(Keypoint a, Keypoint b) {
        double dx = a.x() - b.x();
        double dy = a.y() - b.y();
        return Math.sqrt(dx * dx + dy * dy);
    }
}
