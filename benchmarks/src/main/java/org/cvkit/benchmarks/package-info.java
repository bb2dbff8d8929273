/**
 * JMH benchmarks. Each one measures cvkit next to a peer doing the same work in the same run (DataVec, bare
 * OpenCV, OpenCV DNN), so the README can report ratios rather than machine-dependent absolute times.
 */
package org.cvkit.benchmarks;
