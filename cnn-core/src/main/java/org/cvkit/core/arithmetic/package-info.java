/**
 * Convolution and pooling arithmetic from the course: output sizes, "same" padding, parameter counts and
 * receptive fields, with errors that explain impossible settings and how to fix them.
 */
package org.cvkit.core.arithmetic;
