/**
 * Optimizers over the pixels of an image ({@link org.cvkit.style.optim.ImageOptimizer}): {@link
 * org.cvkit.style.optim.Adam} and {@link org.cvkit.style.optim.Lbfgs}, minimizing any {@link
 * org.cvkit.style.optim.Objective}.
 */
package org.cvkit.style.optim;
