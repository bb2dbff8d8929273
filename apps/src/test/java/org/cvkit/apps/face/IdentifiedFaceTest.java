package org.cvkit.apps.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Optional;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.Keypoint;
import org.cvkit.face.analysis.AnalyzedFace;
import org.cvkit.face.analysis.CropRect;
import org.cvkit.face.analysis.FaceLandmarks68;
import org.cvkit.face.gallery.Embedding;
import org.cvkit.face.gallery.Identification;
import org.cvkit.face.gallery.Match;
import org.junit.jupiter.api.Test;

/** The label drawn on a face: who it is and how far the nearest enrolled person is. */
class IdentifiedFaceTest {

    private static final AnalyzedFace FACE = new AnalyzedFace(new Box(0, 0, 10, 10), 0.9,
            new FaceLandmarks68(Collections.nCopies(FaceLandmarks68.COUNT, new Keypoint(5, 5, true))),
            new CropRect(0, 0, 10, 10), Embedding.of(1f));

    @Test
    void namesAPersonWithinTheThresholdWithTheDistance() {
        Identification ada = new Identification(Optional.of(new Match("Ada", 0.414)), Optional.empty(), 0.6);

        assertThat(new IdentifiedFace(FACE, ada).label()).isEqualTo("Ada d=0.41");
    }

    @Test
    void callsAFaceBeyondTheThresholdUnknownWithTheNearestDistance() {
        Identification far = new Identification(Optional.of(new Match("Ada", 0.826)), Optional.empty(), 0.6);

        assertThat(new IdentifiedFace(FACE, far).label()).isEqualTo("unknown d=0.83");
    }

    @Test
    void callsAFaceUnknownWithoutDistanceWhenNobodyIsEnrolled() {
        Identification nobody = new Identification(Optional.empty(), Optional.empty(), 0.6);

        assertThat(new IdentifiedFace(FACE, nobody).label()).isEqualTo("unknown");
    }
}
