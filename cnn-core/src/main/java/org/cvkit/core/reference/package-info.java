/**
 * Plain-Java reference implementations of convolution and pooling, forward and backward, written for clarity
 * rather than speed. They are the oracle that the DL4J layers and the course's worked examples are checked
 * against. Volumes are {@code double[channel][row][column]}; filter banks are
 * {@code double[filter][channel][row][column]}.
 */
package org.cvkit.core.reference;
