/**
 * Network architectures from the course as DL4J configurations: the generic
 * {@code INPUT -> [[CONV -> RELU]*N -> POOL?]*M -> [FC -> RELU]*K -> FC} pattern ({@link
 * org.cvkit.core.arch.ConvNetPattern}), {@link org.cvkit.core.arch.LeNet5}, {@link org.cvkit.core.arch.AlexNet},
 * {@link org.cvkit.core.arch.Vgg} and {@link org.cvkit.core.arch.ResNet}, and the blocks a computation graph is
 * built from ({@link org.cvkit.core.arch.GraphBlock}: Inception, depthwise separable and residual blocks).
 * {@link org.cvkit.core.arch.NetworkParameters} counts the parameters of a configuration without allocating it.
 */
package org.cvkit.core.arch;
