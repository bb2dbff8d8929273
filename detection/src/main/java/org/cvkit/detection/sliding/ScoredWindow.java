package org.cvkit.detection.sliding;

import java.util.Arrays;
import java.util.Objects;
import org.cvkit.core.geometry.Box;

/**
 * A window of the image and the classifier's score for every class there.
 *
 * @param window the window, in image pixels
 * @param scores one score per class (for a softmax classifier, probabilities summing to 1); copied, never shared
 */
public record ScoredWindow(Box window, double[] scores) {

    /** Validates the parts and copies the scores. */
    public ScoredWindow {
        Objects.requireNonNull(window, "window");
        if (scores.length == 0) {
            throw new IllegalArgumentException("a scored window needs at least one class score");
        }
        scores = scores.clone();
    }

    /** @return a copy of the class scores */
    @Override
    public double[] scores() {
        return scores.clone();
    }

    /**
     * @param classIndex the class, from 0
     * @return the score of that class
     */
    public double score(int classIndex) {
        return scores[classIndex];
    }

    /** @return the class with the highest score, the lowest index on ties */
    public int bestClass() {
        int best = 0;
        for (int c = 1; c < scores.length; c++) {
            if (scores[c] > scores[best]) {
                best = c;
            }
        }
        return best;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScoredWindow that && window.equals(that.window) && Arrays.equals(scores, that.scores);
    }

    @Override
    public int hashCode() {
        return 31 * window.hashCode() + Arrays.hashCode(scores);
    }

    @Override
    public String toString() {
        return "ScoredWindow[window=" + window + ", scores=" + Arrays.toString(scores) + "]";
    }
}
