package org.cvkit.apps.face;

import java.util.Locale;
import java.util.Objects;
import org.cvkit.face.analysis.AnalyzedFace;
import org.cvkit.face.gallery.Identification;

/**
 * A face found in an image and who it is among the enrolled people.
 *
 * @param face           the face with its box, landmarks and descriptor
 * @param identification the nearest enrolled person and whether they are within the threshold
 */
record IdentifiedFace(AnalyzedFace face, Identification identification) {

    /** What a face is called when nobody enrolled is within the threshold. */
    static final String UNKNOWN = "unknown";

    /** Validates that both parts are given. */
    IdentifiedFace {
        Objects.requireNonNull(face, "face");
        Objects.requireNonNull(identification, "identification");
    }

    /**
     * @return the label drawn on the face: the person's name or "unknown", with the distance to the nearest
     *         enrolled person ({@code "Ada d=0.41"}, {@code "unknown d=0.83"}), or just "unknown" when nobody is
     *         enrolled
     */
    String label() {
        String who = identification.person().orElse(UNKNOWN);
        return identification.nearest()
                .map(match -> String.format(Locale.ROOT, "%s d=%.2f", who, match.distance()))
                .orElse(who);
    }
}
