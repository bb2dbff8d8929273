package org.cvkit.style;

/** Receives the {@link Progress} of a transfer after every iteration. */
@FunctionalInterface
public interface ProgressListener {

    /** @param progress the iteration just run */
    void onIteration(Progress progress);
}
