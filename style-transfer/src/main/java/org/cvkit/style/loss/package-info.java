/**
 * The loss terms of style transfer on plain activations and images: {@link org.cvkit.style.loss.GramMatrix},
 * {@link org.cvkit.style.loss.ContentLoss}, {@link org.cvkit.style.loss.StyleLoss} (normalized Gram matrices) and
 * {@link org.cvkit.style.loss.TotalVariationLoss}, each with its gradient, and their weights.
 */
package org.cvkit.style.loss;
