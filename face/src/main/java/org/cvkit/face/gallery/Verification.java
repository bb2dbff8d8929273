package org.cvkit.face.gallery;

/**
 * The answer to "is this probe that person?" (1:1 verification).
 *
 * @param name      the person the probe was compared with
 * @param distance  the distance from the probe to that person
 * @param threshold the largest distance accepted
 */
public record Verification(String name, double distance, double threshold) {

    /** @return whether the probe is accepted as the person: {@code distance <= threshold} */
    public boolean accepted() {
        return distance <= threshold;
    }
}
