package org.cvkit.detection.geometry;

/**
 * Sorts candidate indices by descending score without boxing: a stable bottom-up merge sort on {@code int[]}
 * whose order is total (class, then score, then index), so results never depend on the input's accidents.
 */
final class ScoreOrder {

    private ScoreOrder() {
    }

    /**
     * Sorts indices in place: by ascending class first when {@code classes} is given, then by descending score,
     * then by ascending index.
     *
     * @param indices indices into {@code scores} (and {@code classes})
     * @param scores  the score of every index
     * @param classes the class of every index, or null to ignore classes
     */
    static void sort(int[] indices, double[] scores, int[] classes) {
        int n = indices.length;
        int[] from = indices;
        int[] to = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int low = 0; low < n; low += 2 * width) {
                merge(from, to, low, Math.min(low + width, n), Math.min(low + 2 * width, n), scores, classes);
            }
            int[] swap = from;
            from = to;
            to = swap;
        }
        if (from != indices) {
            System.arraycopy(from, 0, indices, 0, n);
        }
    }

    private static void merge(int[] from, int[] to, int low, int middle, int high, double[] scores, int[] classes) {
        int left = low;
        int right = middle;
        for (int k = low; k < high; k++) {
            if (right >= high || left < middle && !precedes(from[right], from[left], scores, classes)) {
                to[k] = from[left++];
            } else {
                to[k] = from[right++];
            }
        }
    }

    private static boolean precedes(int a, int b, double[] scores, int[] classes) {
        if (classes != null && classes[a] != classes[b]) {
            return classes[a] < classes[b];
        }
        if (scores[a] != scores[b]) {
            return scores[a] > scores[b];
        }
        return a < b;
    }
}
