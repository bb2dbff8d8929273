package org.cvkit.style;

import java.util.ArrayList;
import java.util.List;
import org.cvkit.core.geometry.ImageSize;

/**
 * The coarse-to-fine schedule: the output's longest side halved {@code scales - 1} times, with the iterations
 * shared equally between the scales (the finest takes the remainder).
 *
 * @param longestSides the longest image side at each scale, coarsest first
 * @param iterations   the iterations at each scale
 */
record ScalePlan(List<Integer> longestSides, List<Integer> iterations) {

    /**
     * @param source      the content image's size
     * @param longestSide the output's longest side
     * @param scales      the number of scales, at least 1
     * @param iterations  the iterations over all scales, at least {@code scales}
     * @param minimumSide the smallest side the loss network accepts
     * @return the plan
     * @throws IllegalArgumentException if the values are out of range or the coarsest scale is too small
     */
    static ScalePlan of(ImageSize source, int longestSide, int scales, int iterations, int minimumSide) {
        if (scales < 1) {
            throw new IllegalArgumentException("the number of scales must be at least 1 but is " + scales);
        }
        if (iterations < scales) {
            throw new IllegalArgumentException(iterations + " iterations cannot be shared by " + scales
                    + " scales; give at least one iteration per scale");
        }
        int coarsest = (int) Math.round(longestSide / Math.pow(2, scales - 1));
        double aspect = Math.min(source.width(), source.height()) / (double) Math.max(source.width(), source.height());
        if (Math.round(coarsest * aspect) < minimumSide) {
            throw new IllegalArgumentException("with size " + longestSide + " and " + scales + " scale(s) the "
                    + "coarsest image is " + coarsest + " pixels long and " + Math.round(coarsest * aspect)
                    + " wide, but the loss network needs at least " + minimumSide + "; use a larger size or fewer"
                    + " scales");
        }
        List<Integer> sides = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int scale = 0; scale < scales; scale++) {
            sides.add((int) Math.round(longestSide / Math.pow(2, scales - 1 - scale)));
            counts.add(iterations / scales + (scale == scales - 1 ? iterations % scales : 0));
        }
        return new ScalePlan(List.copyOf(sides), List.copyOf(counts));
    }

    /** @return the number of scales */
    int scales() {
        return longestSides.size();
    }
}
