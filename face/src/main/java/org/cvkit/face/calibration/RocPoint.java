package org.cvkit.face.calibration;

/**
 * One operating point of a verifier: what happens when pairs are accepted at a threshold.
 *
 * @param threshold       pairs with a distance at most this are accepted; {@link Double#NEGATIVE_INFINITY} for the
 *                        point that accepts nothing
 * @param falseAcceptRate the fraction of impostor (different-person) pairs accepted
 * @param trueAcceptRate  the fraction of genuine (same-person) pairs accepted
 */
public record RocPoint(double threshold, double falseAcceptRate, double trueAcceptRate) {

    /** @return the fraction of genuine pairs rejected, {@code 1 - trueAcceptRate} */
    public double falseRejectRate() {
        return 1 - trueAcceptRate;
    }
}
