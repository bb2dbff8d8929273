/**
 * Pictures of what a network learned: the filters of a convolution layer ({@link org.cvkit.core.viz.FilterGrid})
 * and the activation maps of a layer for one input ({@link org.cvkit.core.viz.FeatureMapGrid}), as PNG grids.
 */
package org.cvkit.core.viz;
