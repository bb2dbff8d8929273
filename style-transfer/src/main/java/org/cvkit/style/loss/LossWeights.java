package org.cvkit.style.loss;

/**
 * The weights of the three loss terms: {@code J = alpha * content + beta * style + tv * totalVariation}.
 *
 * @param content        alpha, at least 0
 * @param style          beta, at least 0
 * @param totalVariation the total-variation weight, at least 0
 */
public record LossWeights(double content, double style, double totalVariation) {

    /** The defaults: style dominates, content keeps the layout, a little smoothing. */
    public static final LossWeights DEFAULT = new LossWeights(1, 10, 1);

    /** Validates the weights. */
    public LossWeights {
        check("content", content);
        check("style", style);
        check("total-variation", totalVariation);
        if (content + style == 0) {
            throw new IllegalArgumentException("the content and style weights are both 0, which leaves nothing to"
                    + " transfer; make at least one positive");
        }
    }

    private static void check(String name, double weight) {
        if (!(weight >= 0 && Double.isFinite(weight))) {
            throw new IllegalArgumentException("the " + name + " weight must be finite and at least 0 but is "
                    + weight);
        }
    }

    /**
     * @param content        the content loss
     * @param style          the style loss
     * @param totalVariation the total-variation loss
     * @return the three losses with their weighted sum
     */
    public LossValues combine(double content, double style, double totalVariation) {
        return new LossValues(content, style, totalVariation,
                this.content * content + this.style * style + this.totalVariation * totalVariation);
    }
}
