package org.cvkit.style.loss;

/**
 * The losses of one image: the three terms, unweighted, and their weighted sum, the objective.
 *
 * @param content        the content loss
 * @param style          the style loss, summed over the weighted style layers
 * @param totalVariation the total-variation loss
 * @param total          {@code alpha * content + beta * style + tv * totalVariation}
 */
public record LossValues(double content, double style, double totalVariation, double total) {
}
