package org.cvkit.style.optim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import org.cvkit.style.loss.LossValues;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Limited-memory BFGS: the search direction comes from the last {@code m} pairs of position and gradient changes
 * (the two-loop recursion, scaled by {@code s.y / y.y}), and a backtracking line search accepts the first step
 * that decreases the objective enough (Armijo's condition, {@code f(x + t d) <= f(x) + c t g.d}). The first
 * iteration, with no curvature known yet, moves the largest-gradient pixel by {@value #FIRST_STEP} of the pixel
 * range. Suited to style transfer's full-batch, noise-free objective; pixels are not clipped while optimizing.
 * An iteration evaluates the objective once when the full step is accepted, more when it backtracks.
 */
public final class Lbfgs implements ImageOptimizer {

    /** Pairs kept unless set otherwise. */
    public static final int DEFAULT_HISTORY = 8;

    private static final double FIRST_STEP = 0.05;
    private static final double ARMIJO = 1e-4;
    private static final int MAX_BACKTRACKS = 12;
    private static final double MIN_CURVATURE = 1e-12;

    private final int history;
    private final Deque<Pair> pairs = new ArrayDeque<>();
    private Evaluation current;

    /** L-BFGS keeping {@link #DEFAULT_HISTORY} pairs. */
    public Lbfgs() {
        this(DEFAULT_HISTORY);
    }

    /**
     * @param history how many position/gradient change pairs to keep, at least 1
     */
    public Lbfgs(int history) {
        if (history < 1) {
            throw new IllegalArgumentException("L-BFGS needs a history of at least 1 pair but got " + history);
        }
        this.history = history;
    }

    @Override
    public LossValues step(INDArray image, Objective objective) {
        if (current == null) {
            current = objective.evaluate(image);
        }
        LossValues before = current.losses();
        INDArray gradient = current.gradient();
        try (INDArray direction = direction(gradient)) {
            double slope = dot(gradient, direction);
            if (!(slope < 0)) {
                clearHistory();
                direction.assign(gradient).negi().muli(firstStepScale(gradient));
                slope = dot(gradient, direction);
            }
            lineSearch(image, objective, direction, slope);
        }
        return before;
    }

    /** @return {@code -H g} from the stored pairs, or a scaled steepest descent without any */
    private INDArray direction(INDArray gradient) {
        INDArray q = gradient.dup();
        if (pairs.isEmpty()) {
            return q.negi().muli(firstStepScale(gradient));
        }
        double[] alphas = new double[pairs.size()];
        int i = 0;
        for (Pair pair : pairs) { // newest first
            alphas[i] = pair.rho * dot(pair.s, q);
            addScaled(q, pair.y, -alphas[i]);
            i++;
        }
        Pair newest = pairs.peekFirst();
        q.muli(newest.sy / dot(newest.y, newest.y));
        Iterator<Pair> oldestFirst = pairs.descendingIterator();
        for (i = pairs.size() - 1; i >= 0; i--) {
            Pair pair = oldestFirst.next();
            double beta = pair.rho * dot(pair.y, q);
            addScaled(q, pair.s, alphas[i] - beta);
        }
        return q.negi();
    }

    private void lineSearch(INDArray image, Objective objective, INDArray direction, double slope) {
        double step = 1;
        for (int attempt = 0; attempt <= MAX_BACKTRACKS; attempt++, step /= 2) {
            INDArray trial = image.dup();
            addScaled(trial, direction, step);
            Evaluation next = objective.evaluate(trial);
            if (next.value() <= current.value() + ARMIJO * step * slope) {
                remember(trial.sub(image), next.gradient().sub(current.gradient()));
                image.assign(trial);
                trial.close();
                current.close();
                current = next;
                return;
            }
            next.close();
            trial.close();
        }
        clearHistory(); // no decrease along this direction: start again from steepest descent
    }

    private void remember(INDArray s, INDArray y) {
        double sy = dot(s, y);
        if (!(sy > MIN_CURVATURE)) {
            s.close();
            y.close();
            return;
        }
        if (pairs.size() == history) {
            pairs.removeLast().close();
        }
        pairs.addFirst(new Pair(s, y, sy));
    }

    private static double dot(INDArray a, INDArray b) {
        try (INDArray product = a.mul(b)) {
            return product.sumNumber().doubleValue();
        }
    }

    /** {@code target += factor * source}. */
    private static void addScaled(INDArray target, INDArray source, double factor) {
        try (INDArray scaled = source.mul(factor)) {
            target.addi(scaled);
        }
    }

    private static double firstStepScale(INDArray gradient) {
        double largest = gradient.amaxNumber().doubleValue();
        return largest > 0 ? FIRST_STEP / largest : 0;
    }

    private void clearHistory() {
        pairs.forEach(Pair::close);
        pairs.clear();
    }

    @Override
    public void close() {
        clearHistory();
        if (current != null) {
            current.close();
            current = null;
        }
    }

    /** One position change {@code s}, gradient change {@code y} and {@code s.y}. */
    private static final class Pair implements AutoCloseable {
        private final INDArray s;
        private final INDArray y;
        private final double sy;
        private final double rho;

        Pair(INDArray s, INDArray y, double sy) {
            this.s = s;
            this.y = y;
            this.sy = sy;
            this.rho = 1 / sy;
        }

        @Override
        public void close() {
            s.close();
            y.close();
        }
    }
}
