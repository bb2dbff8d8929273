package org.nd4j.nativeblas;

/**
 * Works around a DL4J 1.0.0-M2.1 bug that keeps its oneDNN layer helpers switched off.
 *
 * <p>{@code org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper.mklDnnEnabled()} asks, through reflection, for
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment.getInstance().isUseMKLDNN()}: the names from before ND4J moved the
 * bindings to {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu} and renamed the flag {@code isUseONEDNN}. The
 * lookup fails, the check answers "no", and every convolution runs through DL4J's slower im2col path. This class
 * answers the lookup with the real flag; it provides nothing else and nothing in cvkit calls it.
 */
public final class Nd4jCpu {

    private Nd4jCpu() {
    }

    /** The environment the reflective check asks for. */
    public static final class Environment {

        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        /** @return the single instance */
        public static Environment getInstance() {
            return INSTANCE;
        }

        /** @return whether ND4J's native environment lets operations use oneDNN */
        public boolean isUseMKLDNN() {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }
    }
}
