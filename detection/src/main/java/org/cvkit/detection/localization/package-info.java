/**
 * Classification with localization, as the course defines it: the target vector
 * {@code y = [pc, bx, by, bh, bw, c1..ck]} ({@link org.cvkit.detection.localization.LocalizationTarget}) and its
 * loss, squared error over all of y when an object is present and over pc alone when not
 * ({@link org.cvkit.detection.localization.LocalizationLoss}, a DL4J loss function).
 */
package org.cvkit.detection.localization;
