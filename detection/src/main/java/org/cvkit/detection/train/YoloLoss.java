package org.cvkit.detection.train;

import static org.cvkit.detection.localization.LocalizationTarget.BH;
import static org.cvkit.detection.localization.LocalizationTarget.BW;
import static org.cvkit.detection.localization.LocalizationTarget.BX;
import static org.cvkit.detection.localization.LocalizationTarget.BY;
import static org.cvkit.detection.localization.LocalizationTarget.FIRST_CLASS;
import static org.cvkit.detection.localization.LocalizationTarget.PC;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.cvkit.detection.geometry.BoxShape;
import org.cvkit.detection.yolo.YoloTarget;
import org.cvkit.detection.yolo.YoloV2Head;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * The course's YOLO loss on a YOLOv2-style output, for a DL4J {@code CnnLossLayer} with the identity activation.
 *
 * <p>The network outputs, per grid cell and anchor {@code (pw, ph)} (in cells), the raw planes
 * {@code tx, ty, tw, th, to, s1..sC} in Darknet's order, the layout {@link org.cvkit.detection.yolo.YoloV2Decoder}
 * decodes. The loss reads them as the course's vector {@code ŷ = [pc, bx, by, bh, bw, c1..cC]} with
 * {@code pc = σ(to)}, {@code bx = σ(tx)}, {@code by = σ(ty)} (the midpoint within the cell),
 * {@code bh = ph e^th}, {@code bw = pw e^tw} (the size in cells) and {@code c = softmax(s)}, and compares it with
 * the label y that {@link org.cvkit.detection.yolo.YoloTargetEncoder} builds. Per cell and anchor, as the course
 * defines it:
 *
 * <ul>
 *   <li>{@code pc = 1}: {@code λcoord [(bx̂-bx)² + (bŷ-by)² + (ln bĥ - ln bh)² + (ln bŵ - ln bw)²] + (pĉ-1)²
 *       + Σ (ĉj-cj)²};</li>
 *   <li>{@code pc = 0}: {@code λnoobj pĉ²}, the rest of y is "don't care".</li>
 * </ul>
 *
 * This is the course's sum of squared errors with one change taken from YOLOv2: sizes are compared on a log scale,
 * {@code ln bŵ - ln bw = tw - ln(bw/pw)}, because squared errors of {@code pw e^tw} grow exponentially with
 * {@code tw} and make training diverge; the log scale also weighs a size error relative to the object's size. With
 * both weights 1 the terms are weighed as in the course ({@link #course}); YOLO's papers weight the box terms up
 * and the many empty slots down. DL4J's {@code CnnLossLayer} hands the loss one row per grid cell,
 * {@code [N·G·G, A·(5+C)]}; labels have the same layout ({@link #labels(YoloTarget)}). Masks of one value per row
 * (per example and location) are honoured. The anchors and classes travel with the network's configuration, so a
 * saved network knows its {@link #head() head}.
 */
public final class YoloLoss implements ILossFunction {

    private static final long serialVersionUID = 1L;

    /** Raw output planes per anchor in Darknet's order, as {@code YoloV2Decoder} reads them. */
    private static final int TX = 0;
    private static final int TY = 1;
    private static final int TW = 2;
    private static final int TH = 3;
    private static final int TO = 4;

    @JsonProperty("anchorWidths")
    private final double[] anchorWidths;
    @JsonProperty("anchorHeights")
    private final double[] anchorHeights;
    @JsonProperty("numClasses")
    private final int numClasses;
    @JsonProperty("coordinateWeight")
    private final double coordinateWeight;
    @JsonProperty("noObjectWeight")
    private final double noObjectWeight;

    /**
     * @param anchors          the anchor shapes in grid cells, at least one
     * @param numClasses       C, positive
     * @param coordinateWeight λcoord, the weight of the box terms, positive
     * @param noObjectWeight   λnoobj, the weight of the objectness term of empty slots, positive
     * @throws IllegalArgumentException if a count or weight is not positive
     */
    public YoloLoss(List<BoxShape> anchors, int numClasses, double coordinateWeight, double noObjectWeight) {
        this(anchors.stream().mapToDouble(BoxShape::width).toArray(),
                anchors.stream().mapToDouble(BoxShape::height).toArray(), numClasses, coordinateWeight,
                noObjectWeight);
    }

    @JsonCreator
    private YoloLoss(@JsonProperty("anchorWidths") double[] anchorWidths,
                     @JsonProperty("anchorHeights") double[] anchorHeights,
                     @JsonProperty("numClasses") int numClasses,
                     @JsonProperty("coordinateWeight") double coordinateWeight,
                     @JsonProperty("noObjectWeight") double noObjectWeight) {
        // YoloV2Head validates the anchors and the class count.
        new YoloV2Head(shapes(anchorWidths, anchorHeights), numClasses);
        if (!(coordinateWeight > 0 && noObjectWeight > 0 && Double.isFinite(coordinateWeight)
                && Double.isFinite(noObjectWeight))) {
            throw new IllegalArgumentException("the loss weights must be positive and finite but are λcoord "
                    + coordinateWeight + " and λnoobj " + noObjectWeight + "; use 1 and 1 for the course's loss");
        }
        this.anchorWidths = anchorWidths.clone();
        this.anchorHeights = anchorHeights.clone();
        this.numClasses = numClasses;
        this.coordinateWeight = coordinateWeight;
        this.noObjectWeight = noObjectWeight;
    }

    /**
     * @param anchors    the anchor shapes in grid cells
     * @param numClasses C
     * @return the course's unweighted loss (λcoord = λnoobj = 1)
     */
    public static YoloLoss course(List<BoxShape> anchors, int numClasses) {
        return new YoloLoss(anchors, numClasses, 1, 1);
    }

    /** @return the anchors (in grid cells) and classes of the output this loss trains */
    public YoloV2Head head() {
        return new YoloV2Head(shapes(anchorWidths, anchorHeights), numClasses);
    }

    /** @return λcoord */
    public double coordinateWeight() {
        return coordinateWeight;
    }

    /** @return λnoobj */
    public double noObjectWeight() {
        return noObjectWeight;
    }

    /**
     * Lays a target out as this loss's labels for one image: the tensor {@code [G, G, A, 5+C]} becomes
     * {@code [A·(5+C), G, G]}, anchor {@code a}'s vector in channels {@code a·(5+C) .. a·(5+C)+4+C}.
     *
     * @param target the encoded target of one image
     * @return a new float array {@code [A·(5+C), G, G]}
     */
    public static INDArray labels(YoloTarget target) {
        INDArray tensor = target.tensor();
        long grid = tensor.size(0);
        long channels = tensor.size(2) * tensor.size(3);
        return tensor.reshape('c', grid, grid, channels).permute(2, 0, 1).castTo(DataType.FLOAT).dup('c');
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
                               boolean average) {
        double sum = computeScoreArray(labels, preOutput, activationFn, mask).sumNumber().doubleValue();
        return average ? sum / preOutput.size(0) : sum;
    }

    /** @return the loss of each row (grid cell), {@code [rows, 1]} */
    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn,
                                      INDArray mask) {
        return evaluate(labels, preOutput, activationFn, mask, false).getFirst();
    }

    /** @return the gradient with respect to the pre-activation output */
    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        return evaluate(labels, preOutput, activationFn, mask, true).getSecond();
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput,
                                                          IActivation activationFn, INDArray mask,
                                                          boolean average) {
        Pair<INDArray, INDArray> both = evaluate(labels, preOutput, activationFn, mask, true);
        double sum = both.getFirst().sumNumber().doubleValue();
        return new Pair<>(average ? sum / preOutput.size(0) : sum, both.getSecond());
    }

    /** Computes the row scores and, if asked, the gradient, in one pass over the slots. */
    private Pair<INDArray, INDArray> evaluate(INDArray labels, INDArray preOutput, IActivation activationFn,
                                              INDArray mask, boolean withGradient) {
        int fields = FIRST_CLASS + numClasses;
        int columns = anchorWidths.length * fields;
        if (preOutput.rank() != 2 || preOutput.size(1) != columns || !labels.equalShapes(preOutput)) {
            throw new IllegalArgumentException("YoloLoss with " + anchorWidths.length + " anchors and " + numClasses
                    + " classes needs outputs and labels [rows, " + columns + "] but got "
                    + Arrays.toString(preOutput.shape()) + " and " + Arrays.toString(labels.shape())
                    + "; use it in a CnnLossLayer after a convolution with " + columns + " channels");
        }
        int rows = (int) preOutput.size(0);
        double[] rowMask = rowMask(mask, rows);
        double[] z = activationFn.getActivation(preOutput.dup('c'), false).data().asDouble();
        double[] y = labels.dup('c').data().asDouble();
        double[] scores = new double[rows];
        double[] gradient = withGradient ? new double[z.length] : null;
        double[] probabilities = new double[numClasses];
        for (int row = 0; row < rows; row++) {
            if (rowMask[row] == 0) {
                continue;
            }
            for (int a = 0; a < anchorWidths.length; a++) {
                int first = row * columns + a * fields;
                scores[row] += rowMask[row] * slot(z, y, first, a, probabilities, gradient, rowMask[row]);
            }
        }
        INDArray scoreArray = Nd4j.createFromArray(scores).reshape(rows, 1).castTo(preOutput.dataType());
        if (!withGradient) {
            return new Pair<>(scoreArray, null);
        }
        INDArray lossByOutput = Nd4j.createFromArray(gradient).reshape('c', rows, columns)
                .castTo(preOutput.dataType());
        return new Pair<>(scoreArray, activationFn.backprop(preOutput.dup(), lossByOutput).getFirst());
    }

    /** The loss of one cell and anchor; adds its gradient (times the mask value) when a gradient array is given. */
    private double slot(double[] z, double[] y, int first, int anchor, double[] probabilities, double[] gradient,
                        double weight) {
        double pc = y[first + PC];
        double objectness = sigmoid(z[first + TO]);
        if (pc == 0) {
            if (gradient != null) {
                gradient[first + TO] = weight * noObjectWeight * 2 * objectness * objectness * (1 - objectness);
            }
            return noObjectWeight * objectness * objectness;
        }
        if (pc != 1 || !(y[first + BW] > 0 && y[first + BH] > 0)) {
            throw new IllegalArgumentException("pc must be 0 or 1 and objects must have a positive size but a slot"
                    + " has pc " + pc + ", bw " + y[first + BW] + " and bh " + y[first + BH] + "; build labels with"
                    + " YoloTargetEncoder and YoloLoss.labels");
        }
        double bx = sigmoid(z[first + TX]);
        double by = sigmoid(z[first + TY]);
        double ex = bx - y[first + BX];
        double ey = by - y[first + BY];
        double ew = z[first + TW] - Math.log(y[first + BW] / anchorWidths[anchor]);
        double eh = z[first + TH] - Math.log(y[first + BH] / anchorHeights[anchor]);
        double eo = objectness - 1;
        softmax(z, first + FIRST_CLASS, probabilities);
        double classLoss = 0;
        double weightedErrors = 0;
        for (int c = 0; c < numClasses; c++) {
            double error = probabilities[c] - y[first + FIRST_CLASS + c];
            classLoss += error * error;
            weightedErrors += 2 * error * probabilities[c];
        }
        if (gradient != null) {
            double scale = weight * coordinateWeight * 2;
            gradient[first + TX] = scale * ex * bx * (1 - bx);
            gradient[first + TY] = scale * ey * by * (1 - by);
            gradient[first + TW] = scale * ew;
            gradient[first + TH] = scale * eh;
            gradient[first + TO] = weight * 2 * eo * objectness * (1 - objectness);
            for (int c = 0; c < numClasses; c++) {
                double error = probabilities[c] - y[first + FIRST_CLASS + c];
                gradient[first + FIRST_CLASS + c] = weight * probabilities[c] * (2 * error - weightedErrors);
            }
        }
        return coordinateWeight * (ex * ex + ey * ey + ew * ew + eh * eh) + eo * eo + classLoss;
    }

    private void softmax(double[] z, int first, double[] probabilities) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < numClasses; c++) {
            max = Math.max(max, z[first + c]);
        }
        double sum = 0;
        for (int c = 0; c < numClasses; c++) {
            probabilities[c] = Math.exp(z[first + c] - max);
            sum += probabilities[c];
        }
        for (int c = 0; c < numClasses; c++) {
            probabilities[c] /= sum;
        }
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** @return one weight per row: the mask's values, or all ones without a mask */
    private static double[] rowMask(INDArray mask, int rows) {
        if (mask == null) {
            double[] ones = new double[rows];
            Arrays.fill(ones, 1);
            return ones;
        }
        if (mask.length() != rows) {
            throw new IllegalArgumentException("YoloLoss takes one mask value per row (per example and location),"
                    + " " + rows + " values, but the mask has shape " + Arrays.toString(mask.shape()));
        }
        return mask.dup('c').data().asDouble();
    }

    private static List<BoxShape> shapes(double[] widths, double[] heights) {
        Objects.requireNonNull(widths, "anchorWidths");
        Objects.requireNonNull(heights, "anchorHeights");
        if (widths.length != heights.length) {
            throw new IllegalArgumentException("every anchor needs a width and a height but there are "
                    + widths.length + " widths and " + heights.length + " heights");
        }
        List<BoxShape> shapes = new ArrayList<>(widths.length);
        for (int a = 0; a < widths.length; a++) {
            shapes.add(new BoxShape(widths[a], heights[a]));
        }
        return shapes;
    }

    @Override
    public String name() {
        return "YoloLoss";
    }

    @Override
    public String toString() {
        return name() + "(anchors=" + head().anchors() + ", classes=" + numClasses + ", λcoord=" + coordinateWeight
                + ", λnoobj=" + noObjectWeight + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof YoloLoss loss && Arrays.equals(anchorWidths, loss.anchorWidths)
                && Arrays.equals(anchorHeights, loss.anchorHeights) && numClasses == loss.numClasses
                && coordinateWeight == loss.coordinateWeight && noObjectWeight == loss.noObjectWeight;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(anchorWidths), Arrays.hashCode(anchorHeights), numClasses,
                coordinateWeight, noObjectWeight);
    }
}
