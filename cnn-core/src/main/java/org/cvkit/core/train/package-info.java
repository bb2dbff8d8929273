/**
 * Training helpers from the course (section 5): the parameter updates as DL4J updaters ({@link
 * org.cvkit.core.train.Optimizer}, with {@link org.cvkit.core.train.Momentum} where DL4J has none), the learning-rate
 * schedules ({@link org.cvkit.core.train.LearningRateSchedules}), the mini-batch loop with held-out evaluation, early
 * stopping, checkpoints and console progress ({@link org.cvkit.core.train.Trainer}), and the Fashion-MNIST LeNet-5
 * run ({@link org.cvkit.core.train.FashionMnistTraining}).
 *
 * <p>L2 weight decay and dropout are not trainer settings: they belong to the network configuration
 * ({@code .l2(...)}, {@code .dropOut(retainProbability)}), as described on {@link org.cvkit.core.train.Trainer}.
 */
package org.cvkit.core.train;
