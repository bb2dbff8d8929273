/**
 * Darknet files: the {@code .cfg} network description ({@link org.cvkit.zoo.format.darknet.DarknetCfg}), the
 * shape of every layer's output ({@link org.cvkit.zoo.format.darknet.DarknetShapes}) and the {@code .weights}
 * file ({@link org.cvkit.zoo.format.darknet.DarknetWeightsReader}), read in Darknet's own order.
 */
package org.cvkit.zoo.format.darknet;
