package org.cvkit.face.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.core.geometry.Keypoint;
import org.junit.jupiter.api.Test;

/**
 * Eyes at (40, 40) and (80, 40), mouth at (60, 85): eye to mouth is sqrt(20^2 + 45^2) = 49.244, the side
 * floor(49.244 / 0.45) = 109, the centre (60, 55), the corner (floor(60 - 54.5), floor(55 - 46.87)) = (5, 8).
 */
class FaceAlignmentTest {

    private static final FaceLandmarks68 FACE = face(0);
    private static final CropRect LARGE_LANDMARK_CROP = new CropRect(0, 0, 150, 150);

    @Test
    void placesASquareByTheEyesAndTheMouth() {
        assertThat(FaceAlignment.alignedCrop(FACE, LARGE_LANDMARK_CROP, new ImageSize(200, 200)))
                .isEqualTo(new CropRect(5, 8, 109, 109));
    }

    @Test
    void clipsTheSquareToTheImage() {
        assertThat(FaceAlignment.alignedCrop(FACE, LARGE_LANDMARK_CROP, new ImageSize(100, 100)))
                .isEqualTo(new CropRect(5, 8, 95, 92));
    }

    @Test
    void startsTheSquareInsideTheImage() {
        assertThat(FaceAlignment.alignedCrop(face(-30), LARGE_LANDMARK_CROP, new ImageSize(200, 200)))
                .isEqualTo(new CropRect(0, 0, 109, 109));
    }

    /** face-api limits the width to the landmark crop's width plus the corner's x: min(109, 50 + 5). */
    @Test
    void keepsFaceApisLimitByTheLandmarkCrop() {
        assertThat(FaceAlignment.alignedCrop(FACE, new CropRect(0, 0, 50, 150), new ImageSize(200, 200)))
                .isEqualTo(new CropRect(5, 8, 55, 109));
    }

    private static FaceLandmarks68 face(double shift) {
        List<Keypoint> points = new ArrayList<>();
        for (int i = 0; i < FaceLandmarks68.COUNT; i++) {
            double x = i < 36 ? 0 : i < 42 ? 40 : i < 48 ? 80 : 60;
            double y = i < 36 ? 0 : i < 48 ? 40 : 85;
            points.add(new Keypoint(x + shift, y + shift, true));
        }
        return new FaceLandmarks68(points);
    }
}
