/**
 * Loss networks: a DL4J computation graph with its input format and the layers whose activations define content
 * and style ({@link org.cvkit.style.network.LossNetwork}); forward passes that back-propagate feature gradients to
 * the image ({@link org.cvkit.style.network.ForwardPass}); the VGG and Yolo-Fastest presets
 * ({@link org.cvkit.style.network.LossNetworks}) and the Keras VGG weight import.
 */
package org.cvkit.style.network;
