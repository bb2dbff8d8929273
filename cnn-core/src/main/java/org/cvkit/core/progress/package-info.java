/**
 * Progress output shared by cvkit's long-running work: training, downloads and the command line's video, image and
 * style-transfer loops.
 */
package org.cvkit.core.progress;
