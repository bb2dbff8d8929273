/**
 * Saving and loading networks with what they need to be used correctly ({@link org.cvkit.core.io.ModelIO},
 * {@link org.cvkit.core.io.ModelMetadata}), and atomic file writing ({@link org.cvkit.core.io.AtomicFiles}) so no
 * reader ever sees a half-written model or picture.
 */
package org.cvkit.core.io;
