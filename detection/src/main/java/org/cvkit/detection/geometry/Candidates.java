package org.cvkit.detection.geometry;

import java.util.Arrays;
import java.util.List;

/**
 * Detections unpacked once into primitive arrays, indexed like the input list, so the suppressors sort and
 * compare boxes without touching objects.
 */
final class Candidates {

    final double[] x1;
    final double[] y1;
    final double[] x2;
    final double[] y2;
    final double[] scores;
    final int[] classes;

    Candidates(List<Detection> detections) {
        int n = detections.size();
        x1 = new double[n];
        y1 = new double[n];
        x2 = new double[n];
        y2 = new double[n];
        scores = new double[n];
        classes = new int[n];
        for (int i = 0; i < n; i++) {
            Detection detection = detections.get(i);
            x1[i] = detection.box().x1();
            y1[i] = detection.box().y1();
            x2[i] = detection.box().x2();
            y2[i] = detection.box().y2();
            scores[i] = detection.score();
            classes[i] = detection.classIndex();
        }
    }

    /**
     * The indices of the candidates scoring at least {@code scoreThreshold}, one group per class in ascending
     * class order (a single group when class-agnostic), each group sorted as {@link ScoreOrder} does.
     */
    int[][] groups(double scoreThreshold, boolean classAgnostic) {
        int[] passing = new int[scores.length];
        int count = 0;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] >= scoreThreshold) {
                passing[count++] = i;
            }
        }
        passing = Arrays.copyOf(passing, count);
        if (classAgnostic) {
            ScoreOrder.sort(passing, scores, null);
            return new int[][] {passing};
        }
        ScoreOrder.sort(passing, scores, classes);
        int[][] groups = new int[countClasses(passing)][];
        int group = 0;
        for (int start = 0; start < count; group++) {
            int end = start + 1;
            while (end < count && classes[passing[end]] == classes[passing[start]]) {
                end++;
            }
            groups[group] = Arrays.copyOfRange(passing, start, end);
            start = end;
        }
        return groups;
    }

    /** Copies the corners of the given candidates, in their order, into {@code [x1, y1, x2, y2]} arrays. */
    double[][] corners(int[] indices) {
        double[][] corners = new double[4][indices.length];
        for (int i = 0; i < indices.length; i++) {
            corners[0][i] = x1[indices[i]];
            corners[1][i] = y1[indices[i]];
            corners[2][i] = x2[indices[i]];
            corners[3][i] = y2[indices[i]];
        }
        return corners;
    }

    private int countClasses(int[] sortedByClass) {
        int distinct = 0;
        for (int i = 0; i < sortedByClass.length; i++) {
            if (i == 0 || classes[sortedByClass[i]] != classes[sortedByClass[i - 1]]) {
                distinct++;
            }
        }
        return distinct;
    }
}
