/**
 * Choosing a verification threshold from labelled pairs: each {@link org.cvkit.face.calibration.LabeledPair} is a
 * distance and whether the two faces are the same person. {@link org.cvkit.face.calibration.RocCurve} sweeps every
 * threshold at once and gives the area under the curve, the equal error rate, the threshold for a target
 * false-accept rate and the accuracy at a threshold; {@link org.cvkit.face.calibration.RocChart} draws it as a PNG.
 * A pair is accepted as the same person when its distance is at most the threshold, as in
 * {@link org.cvkit.face.gallery.MatchPolicy}.
 */
package org.cvkit.face.calibration;
