package org.cvkit.face.siamese;

/**
 * One (anchor, positive, negative) triplet chosen from a mini-batch, by position in the batch, with the weight its
 * loss {@code max(d(a,p) - d(a,n) + alpha, 0)} carries in the anchor's loss.
 *
 * @param anchor   the anchor's position
 * @param positive the position of an image of the anchor's identity, other than the anchor
 * @param negative the position of an image of another identity
 * @param weight   the triplet's weight, in (0, 1]
 */
public record Triplet(int anchor, int positive, int negative, double weight) {

    /** Validates that the three positions differ and the weight is in (0, 1]. */
    public Triplet {
        if (anchor < 0 || positive < 0 || negative < 0 || anchor == positive || anchor == negative
                || positive == negative) {
            throw new IllegalArgumentException("a triplet needs three different non-negative positions but has anchor "
                    + anchor + ", positive " + positive + ", negative " + negative);
        }
        if (!(weight > 0 && weight <= 1)) {
            throw new IllegalArgumentException("triplet weight must be in (0, 1] but is " + weight);
        }
    }
}
