package org.cvkit.face.calibration;

/**
 * Where the false-accept rate equals the false-reject rate.
 *
 * @param rate      the equal error rate: the false-accept rate, and the false-reject rate, at that point
 * @param threshold the distance threshold at which it is reached (interpolated, see
 *                  {@link RocCurve#equalErrorRate()})
 */
public record EqualErrorRate(double rate, double threshold) {
}
