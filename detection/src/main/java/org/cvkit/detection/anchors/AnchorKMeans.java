package org.cvkit.detection.anchors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.cvkit.core.geometry.Box;
import org.cvkit.detection.geometry.BoxShape;
import org.cvkit.detection.geometry.Iou;

/**
 * Anchor selection by k-means over the shapes (width, height) of training boxes, with the course's distance
 * {@code D(B1, B2) = 1 - IoU(B1, B2)} for boxes aligned at a common centre (YOLOv2 uses k = 5). Unlike Euclidean
 * distance, it treats large and small boxes alike.
 *
 * <p>Centres start by k-means++ (the first at random, each next one drawn with probability proportional to
 * {@code D²} to the nearest centre so far); then Lloyd's rounds assign every shape to the centre with the highest
 * IoU and move every centre to the mean width and height of its shapes, until no assignment changes. A centre left
 * without shapes moves to the shape that fits its own centre worst. Runs are reproducible from the seed.
 *
 * @param k             the number of anchors, positive
 * @param seed          the seed of the k-means++ start
 * @param maxIterations the most assignment rounds to run, positive
 */
public record AnchorKMeans(int k, long seed, int maxIterations) {

    /** The seed {@link #of(int)} uses. */
    public static final long DEFAULT_SEED = 42;

    /** The iteration limit {@link #of(int)} uses. */
    public static final int DEFAULT_MAX_ITERATIONS = 300;

    /** Validates that k and the iteration limit are positive. */
    public AnchorKMeans {
        if (k < 1) {
            throw new IllegalArgumentException("the number of anchors k must be positive but is " + k);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be positive but is " + maxIterations);
        }
    }

    /**
     * @param k the number of anchors, positive
     * @return k-means with {@link #DEFAULT_SEED} and {@link #DEFAULT_MAX_ITERATIONS}
     */
    public static AnchorKMeans of(int k) {
        return new AnchorKMeans(k, DEFAULT_SEED, DEFAULT_MAX_ITERATIONS);
    }

    /**
     * @param newSeed the seed of the k-means++ start
     * @return these settings with another seed
     */
    public AnchorKMeans withSeed(long newSeed) {
        return new AnchorKMeans(k, newSeed, maxIterations);
    }

    /**
     * @param limit the most assignment rounds to run, positive
     * @return these settings with another iteration limit
     */
    public AnchorKMeans withMaxIterations(int limit) {
        return new AnchorKMeans(k, seed, limit);
    }

    /**
     * Clusters the shapes of training boxes.
     *
     * @param boxes training boxes with positive width and height, in any one unit
     * @return the anchors, in that unit
     * @throws IllegalArgumentException if a box is empty or the boxes have fewer than k distinct shapes
     */
    public AnchorClusters fitBoxes(List<Box> boxes) {
        return fit(boxes.stream().map(BoxShape::of).toList());
    }

    /**
     * Clusters box shapes.
     *
     * @param shapes training box shapes, in any one unit
     * @return the anchors, in that unit
     * @throws IllegalArgumentException if there are fewer than k distinct shapes
     */
    public AnchorClusters fit(List<BoxShape> shapes) {
        Objects.requireNonNull(shapes, "shapes");
        int distinct = new HashSet<>(shapes).size();
        if (distinct < k) {
            throw new IllegalArgumentException("k-means needs at least k = " + k + " distinct box shapes but got "
                    + distinct + " (of " + shapes.size() + " boxes); ask for fewer anchors or give more boxes");
        }
        BoxShape[] data = shapes.toArray(BoxShape[]::new);
        BoxShape[] centres = kMeansPlusPlus(data, new Random(seed));
        int[] assignment = new int[data.length];
        Arrays.fill(assignment, -1);
        int iterations = 0;
        boolean converged = false;
        while (iterations < maxIterations) {
            iterations++;
            if (!assign(data, centres, assignment)) {
                converged = true;
                break;
            }
            moveCentres(data, centres, assignment);
        }
        List<BoxShape> anchors = new ArrayList<>(Arrays.asList(centres));
        anchors.sort(Comparator.comparingDouble(BoxShape::area).thenComparingDouble(BoxShape::width));
        return new AnchorClusters(anchors, meanBestIou(data, centres), iterations, converged);
    }

    private BoxShape[] kMeansPlusPlus(BoxShape[] data, Random random) {
        BoxShape[] centres = new BoxShape[k];
        centres[0] = data[random.nextInt(data.length)];
        double[] squaredDistance = new double[data.length];
        Arrays.fill(squaredDistance, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < data.length; i++) {
                double distance = 1 - Iou.of(data[i], centres[c - 1]);
                squaredDistance[i] = Math.min(squaredDistance[i], distance * distance);
                total += squaredDistance[i];
            }
            if (total == 0) {
                throw new IllegalArgumentException("the box shapes differ too little to give " + k
                        + " distinct anchors; ask for fewer anchors");
            }
            double target = random.nextDouble() * total;
            int chosen = -1;
            for (int i = 0; i < data.length && (chosen < 0 || target >= 0); i++) {
                if (squaredDistance[i] > 0) {
                    chosen = i;
                    target -= squaredDistance[i];
                }
            }
            centres[c] = data[chosen];
        }
        return centres;
    }

    /** Assigns every shape to its nearest centre (the lower index on ties); tells whether anything changed. */
    private static boolean assign(BoxShape[] data, BoxShape[] centres, int[] assignment) {
        boolean changed = false;
        for (int i = 0; i < data.length; i++) {
            int nearest = nearestCentre(data[i], centres);
            changed |= nearest != assignment[i];
            assignment[i] = nearest;
        }
        return changed;
    }

    private static void moveCentres(BoxShape[] data, BoxShape[] centres, int[] assignment) {
        double[] widths = new double[centres.length];
        double[] heights = new double[centres.length];
        int[] counts = new int[centres.length];
        for (int i = 0; i < data.length; i++) {
            widths[assignment[i]] += data[i].width();
            heights[assignment[i]] += data[i].height();
            counts[assignment[i]]++;
        }
        for (int c = 0; c < centres.length; c++) {
            if (counts[c] > 0) {
                centres[c] = new BoxShape(widths[c] / counts[c], heights[c] / counts[c]);
            }
        }
        for (int c = 0; c < centres.length; c++) {
            if (counts[c] == 0) {
                int worst = worstFittingShape(data, centres, assignment, counts);
                counts[assignment[worst]]--;
                counts[c]++;
                assignment[worst] = c;
                centres[c] = data[worst];
            }
        }
    }

    /** The shape with the lowest IoU with its own centre, among clusters that can spare one. */
    private static int worstFittingShape(BoxShape[] data, BoxShape[] centres, int[] assignment, int[] counts) {
        int worst = -1;
        double worstIou = Double.POSITIVE_INFINITY;
        for (int i = 0; i < data.length; i++) {
            double iou = Iou.of(data[i], centres[assignment[i]]);
            if (counts[assignment[i]] > 1 && iou < worstIou) {
                worst = i;
                worstIou = iou;
            }
        }
        return worst;
    }

    private static int nearestCentre(BoxShape shape, BoxShape[] centres) {
        int nearest = 0;
        double bestIou = Iou.of(shape, centres[0]);
        for (int c = 1; c < centres.length; c++) {
            double iou = Iou.of(shape, centres[c]);
            if (iou > bestIou) {
                nearest = c;
                bestIou = iou;
            }
        }
        return nearest;
    }

    private static double meanBestIou(BoxShape[] data, BoxShape[] centres) {
        double sum = 0;
        for (BoxShape shape : data) {
            sum += Iou.of(shape, centres[nearestCentre(shape, centres)]);
        }
        return sum / data.length;
    }
}
