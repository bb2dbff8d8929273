/** A compatibility shim for DL4J 1.0.0-M2.1 in a package of ND4J's native API (see {@link org.nd4j.nativeblas.Nd4jCpu}). */
package org.nd4j.nativeblas;
