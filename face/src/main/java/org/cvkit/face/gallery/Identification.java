package org.cvkit.face.gallery;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to "who among the enrolled people is this probe?" (1:N identification): the nearest person, the
 * runner-up (the second nearest, telling how clear the decision was) and the threshold. The probe is
 * {@linkplain #isUnknown() unknown} when the gallery is empty or even the nearest person is farther than the
 * threshold.
 *
 * @param nearest   the nearest person, empty only for an empty gallery
 * @param runnerUp  the second nearest person, empty when fewer than two people are enrolled
 * @param threshold the largest distance accepted
 */
public record Identification(Optional<Match> nearest, Optional<Match> runnerUp, double threshold) {

    /** @throws IllegalArgumentException if there is a runner-up without a nearest match, or it is nearer */
    public Identification {
        Objects.requireNonNull(nearest, "nearest");
        Objects.requireNonNull(runnerUp, "runnerUp");
        if (runnerUp.isPresent()
                && (nearest.isEmpty() || runnerUp.get().distance() < nearest.get().distance())) {
            throw new IllegalArgumentException("the runner-up " + runnerUp.get() + " cannot be nearer than the "
                    + "nearest match " + nearest.orElse(null));
        }
    }

    /** @return the identified person's name, or empty when the probe is unknown */
    public Optional<String> person() {
        return nearest.filter(match -> match.distance() <= threshold).map(Match::name);
    }

    /** @return whether nobody enrolled is within the threshold */
    public boolean isUnknown() {
        return person().isEmpty();
    }
}
