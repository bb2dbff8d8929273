package org.cvkit.face.analysis;

import java.util.List;
import java.util.Objects;
import org.cvkit.core.geometry.Keypoint;
import org.cvkit.face.landmarks.FaceLandmark68Net;
import org.cvkit.face.landmarks.FaceLandmarkInput;

/**
 * The 68 face landmarks of the iBUG 300-W scheme in image pixels: jaw 0-16, eyebrows 17-26, nose 27-35, the
 * left eye (on the image's left) 36-41, the right eye 42-47 and the mouth 48-67.
 *
 * @param points the 68 points, all visible
 */
public record FaceLandmarks68(List<Keypoint> points) {

    /** Number of landmarks. */
    public static final int COUNT = FaceLandmark68Net.OUTPUT_LENGTH / 2;

    private static final int LEFT_EYE = 36;
    private static final int RIGHT_EYE = 42;
    private static final int MOUTH = 48;

    /** Validates that there are 68 points and copies them. */
    public FaceLandmarks68 {
        points = List.copyOf(Objects.requireNonNull(points, "points"));
        if (points.size() != COUNT) {
            throw new IllegalArgumentException("a face has " + COUNT + " landmarks but " + points.size()
                    + " were given");
        }
    }

    /**
     * face-api's post-processing of the landmark net's output. The net saw the crop padded to a centred square and
     * resized to 112 x 112; face-api undoes that in float32 as {@code (v * 112 - pad) / side}, where {@code side}
     * is the crop's side scaled to the input ({@code w * 112 / max(w, h)}, likewise h) and {@code pad} is half the
     * difference of the scaled sides on the shorter axis, 0 on the other. That gives a position relative to the
     * crop, which is scaled by the crop's size and shifted by {@code (shiftX, shiftY)}.
     *
     * <p>face-api shifts by the detection box's corner, not by the crop's: the crop starts at the corner rounded
     * down, so its landmarks sit up to a pixel further right and down than the crop's pixels put them.
     *
     * @param output 136 raw outputs {@code x0, y0, x1, y1, ...} in [0, 1] of the net's input square
     * @param crop   the crop the net saw
     * @param shiftX added to every x: face-api adds the detection box's left edge
     * @param shiftY added to every y: face-api adds the detection box's top edge
     * @return the landmarks in image pixels
     * @throws IllegalArgumentException if there are not 136 outputs or the crop is empty
     */
    public static FaceLandmarks68 fromNetOutput(float[] output, CropRect crop, double shiftX, double shiftY) {
        Objects.requireNonNull(output, "output");
        if (output.length != FaceLandmark68Net.OUTPUT_LENGTH) {
            throw new IllegalArgumentException("the landmark net gives " + FaceLandmark68Net.OUTPUT_LENGTH
                    + " values per face but " + output.length + " were given");
        }
        if (crop.isEmpty()) {
            throw new IllegalArgumentException("the crop " + crop + " is empty; the landmark net never saw it");
        }
        int size = FaceLandmarkInput.SIZE;
        double scale = size / (double) Math.max(crop.width(), crop.height());
        double scaledWidth = crop.width() * scale;
        double scaledHeight = crop.height() * scale;
        float padX = (float) (scaledWidth < scaledHeight ? Math.abs(scaledWidth - scaledHeight) / 2 : 0);
        float padY = (float) (scaledHeight < scaledWidth ? Math.abs(scaledWidth - scaledHeight) / 2 : 0);
        Keypoint[] points = new Keypoint[COUNT];
        for (int i = 0; i < COUNT; i++) {
            float relativeX = (output[2 * i] * size - padX) / (float) scaledWidth;
            float relativeY = (output[2 * i + 1] * size - padY) / (float) scaledHeight;
            points[i] = new Keypoint(relativeX * (double) crop.width() + shiftX,
                    relativeY * (double) crop.height() + shiftY, true);
        }
        return new FaceLandmarks68(List.of(points));
    }

    /** @return the centre (mean) of the left eye's points 36-41 */
    public Keypoint leftEyeCentre() {
        return centre(LEFT_EYE, RIGHT_EYE);
    }

    /** @return the centre (mean) of the right eye's points 42-47 */
    public Keypoint rightEyeCentre() {
        return centre(RIGHT_EYE, MOUTH);
    }

    /** @return the centre (mean) of the mouth's points 48-67 */
    public Keypoint mouthCentre() {
        return centre(MOUTH, COUNT);
    }

    private Keypoint centre(int from, int to) {
        double x = 0;
        double y = 0;
        for (int i = from; i < to; i++) {
            x += points.get(i).x();
            y += points.get(i).y();
        }
        return new Keypoint(x / (to - from), y / (to - from), true);
    }
}
