package org.cvkit.core.runtime;

import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;

/**
 * DL4J's native layer helpers: convolution, pooling and batch normalization computed by ND4J's oneDNN operations
 * instead of DL4J's own im2col and matrix-multiply path (about 5x faster for the imported YOLO networks here).
 *
 * <p>DL4J 1.0.0-M2.1 switches the helpers off unless the system property {@value #DISABLE_PROPERTY} is
 * {@code false} when a network is initialized. {@link #enable()} sets it, unless the user already chose a value;
 * the {@code cvkit} command and cvkit's model importers call it, library users call it once at start-up.
 */
public final class LayerHelpers {

    /** The DL4J system property that disables the helpers when it is not {@code false}. */
    public static final String DISABLE_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";

    private LayerHelpers() {
    }

    /** Lets networks initialized from now on use the native helpers, unless {@value #DISABLE_PROPERTY} is set. */
    public static void enable() {
        if (System.getProperty(DISABLE_PROPERTY) == null) {
            System.setProperty(DISABLE_PROPERTY, "false");
        }
    }

    /** @return whether networks initialized now get the oneDNN helpers */
    public static boolean active() {
        return !Boolean.parseBoolean(System.getProperty(DISABLE_PROPERTY, "true")) && BaseMKLDNNHelper.mklDnnEnabled();
    }
}
